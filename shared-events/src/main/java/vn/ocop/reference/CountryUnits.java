package vn.ocop.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vietnam's administrative units on any date: the 63 provinces, their district-level units and communes in force
 * until 2025-06-30, the 34 provinces and their commune-level units from 2025-07-01 (no district level), and the
 * crosswalk between them both ways — which new province took over each old one, which new unit each old commune
 * went to, wholly or in part, and which island districts became special zones (đặc khu).
 *
 * <p>A code names different units on the two sides of the day: a merged unit often keeps the code of one of the
 * communes it absorbed. Every look-up by code therefore takes the date it is made for.
 *
 * <p>Loaded from {@code vn/ocop/reference/vn-admin-units/} (see docs/administrative-units.md for the sources and
 * what is unverified); {@link #flaws()} checks the data's invariants.
 */
public final class CountryUnits {

    /** The day the two-tier local government began: the new provinces and communes, no district level. */
    public static final LocalDate REORGANISED_ON = LocalDate.of(2025, 7, 1);

    private static final String FOLDER = "/vn/ocop/reference/vn-admin-units/";

    /** A province (tỉnh, thành phố) on one side of the reorganisation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Province(String code, String name, String kind) {
    }

    /** A district-level unit (quận, huyện, thị xã, thành phố thuộc tỉnh), until 2025-06-30. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record District(String code, String name, String kind, @JsonProperty("province_code") String provinceCode,
                           @JsonProperty("commune_count") int communeCount) {
    }

    /** A commune-level unit; {@code districtCode} is null from 2025-07-01. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commune(String code, String name, String kind, @JsonProperty("district_code") String districtCode,
                          @JsonProperty("province_code") String provinceCode) {
    }

    /** A new province and the old provinces it took over. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProvinceMerger(String code, List<String> absorbed) {
    }

    /**
     * A new commune-level unit and what formed it: old communes merged whole, old communes of which only part
     * came here (a split commune appears under two or more new units), and island districts without communes.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Formation(String code, String name, @JsonProperty("province_code") String provinceCode,
                            List<String> absorbed, @JsonProperty("absorbed_partial") List<String> absorbedPartial,
                            @JsonProperty("absorbed_district") List<String> absorbedDistrict, String resolution,
                            @JsonProperty("text_check") String textCheck) {

        public Formation {
            absorbed = absorbed == null ? List.of() : List.copyOf(absorbed);
            absorbedPartial = absorbedPartial == null ? List.of() : List.copyOf(absorbedPartial);
            absorbedDistrict = absorbedDistrict == null ? List.of() : List.copyOf(absorbedDistrict);
        }
    }

    /** Where an old commune went: a new unit, and whether the whole commune went there. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Successor(String code, boolean whole) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Before(List<Province> provinces, List<District> districts, List<Commune> communes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record After(List<Province> provinces, List<Commune> communes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Crosswalk(List<ProvinceMerger> provinces, List<Formation> communes,
                     @JsonProperty("old_to_new") List<OldToNew> oldToNew) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OldToNew(@JsonProperty("old_code") String oldCode, @JsonProperty("new") List<Successor> successors) {
    }

    private final Before before;
    private final After after;
    private final Crosswalk crosswalk;
    private final Map<String, Province> oldProvinces = new HashMap<>();
    private final Map<String, District> districts = new HashMap<>();
    private final Map<String, Commune> oldCommunes = new HashMap<>();
    private final Map<String, List<Commune>> communesOfDistrict = new HashMap<>();
    private final Map<String, Province> newProvinces = new HashMap<>();
    private final Map<String, Commune> newCommunes = new HashMap<>();
    private final Map<String, List<Commune>> communesOfNewProvince = new HashMap<>();
    private final Map<String, String> newProvinceOfOld = new HashMap<>();
    private final Map<String, List<String>> oldProvincesOfNew = new HashMap<>();
    private final Map<String, Formation> formations = new HashMap<>();
    private final Map<String, List<Successor>> successors = new HashMap<>();

    private CountryUnits(Before before, After after, Crosswalk crosswalk) {
        this.before = before;
        this.after = after;
        this.crosswalk = crosswalk;
        before.provinces().forEach(province -> oldProvinces.put(province.code(), province));
        before.districts().forEach(district -> districts.put(district.code(), district));
        for (Commune commune : before.communes()) {
            oldCommunes.put(commune.code(), commune);
            communesOfDistrict.computeIfAbsent(commune.districtCode(), code -> new ArrayList<>()).add(commune);
        }
        after.provinces().forEach(province -> newProvinces.put(province.code(), province));
        for (Commune commune : after.communes()) {
            newCommunes.put(commune.code(), commune);
            communesOfNewProvince.computeIfAbsent(commune.provinceCode(), code -> new ArrayList<>()).add(commune);
        }
        for (ProvinceMerger merger : crosswalk.provinces()) {
            oldProvincesOfNew.put(merger.code(), List.copyOf(merger.absorbed()));
            merger.absorbed().forEach(old -> newProvinceOfOld.put(old, merger.code()));
        }
        crosswalk.communes().forEach(formation -> formations.put(formation.code(), formation));
        crosswalk.oldToNew().forEach(entry -> successors.put(entry.oldCode(), List.copyOf(entry.successors())));
    }

    /** The bundled data of the whole country. */
    public static CountryUnits bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        private static final CountryUnits BUNDLED = load();
    }

    static CountryUnits load() {
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        return new CountryUnits(read(json, "units-before-2025-07-01.json", Before.class),
                read(json, "units-from-2025-07-01.json", After.class), read(json, "crosswalk-2025.json", Crosswalk.class));
    }

    private static <T> T read(JsonMapper json, String file, Class<T> type) {
        try (InputStream in = CountryUnits.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + FOLDER + file);
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable reference data " + FOLDER + file, e);
        }
    }

    /** The provinces in force on {@code date}. */
    public List<Province> provincesOn(LocalDate date) {
        return before(date) ? before.provinces() : after.provinces();
    }

    /** The province {@code code} names on {@code date}. */
    public Optional<Province> province(String code, LocalDate date) {
        return Optional.ofNullable((before(date) ? oldProvinces : newProvinces).get(code));
    }

    /** The commune-level unit {@code code} names on {@code date}. */
    public Optional<Commune> commune(String code, LocalDate date) {
        return Optional.ofNullable((before(date) ? oldCommunes : newCommunes).get(code));
    }

    /** The district-level unit {@code code} names (they all ended on 2025-06-30). */
    public Optional<District> district(String code) {
        return Optional.ofNullable(districts.get(code));
    }

    /** The districts of an old province. */
    public List<District> districtsOf(String oldProvinceCode) {
        return before.districts().stream().filter(district -> district.provinceCode().equals(oldProvinceCode))
                .toList();
    }

    /** The communes of an old district. */
    public List<Commune> communesOfDistrict(String districtCode) {
        return communesOfDistrict.getOrDefault(districtCode, List.of());
    }

    /** The commune-level units of a new province. */
    public List<Commune> communesOfProvince(String newProvinceCode) {
        return communesOfNewProvince.getOrDefault(newProvinceCode, List.of());
    }

    /** The new province that took over old province {@code oldProvinceCode}. */
    public Optional<String> successorProvince(String oldProvinceCode) {
        return Optional.ofNullable(newProvinceOfOld.get(oldProvinceCode));
    }

    /** The old provinces a new province took over (one of them lends its code). */
    public List<String> formerProvinces(String newProvinceCode) {
        return oldProvincesOfNew.getOrDefault(newProvinceCode, List.of());
    }

    /** The new units an old commune went to: one, whole; or two or more, in part, for a split commune. */
    public List<Successor> successors(String oldCommuneCode) {
        return successors.getOrDefault(oldCommuneCode, List.of());
    }

    /**
     * The new unit an old commune's records count in: its whole successor; for a split commune, the part that kept
     * its code if one did, else the first the crosswalk lists by code. The crosswalk does not say which part went
     * where (nor where a record's producer lies within the old commune), so no finer rule can be drawn from it.
     */
    public Optional<String> countsIn(String oldCommuneCode) {
        List<Successor> found = successors(oldCommuneCode);
        return found.stream().map(Successor::code).filter(oldCommuneCode::equals).findFirst()
                .or(() -> found.stream().map(Successor::code).sorted().findFirst());
    }

    /** What formed a new commune-level unit. */
    public Optional<Formation> formation(String newCommuneCode) {
        return Optional.ofNullable(formations.get(newCommuneCode));
    }

    List<Province> oldProvinces() {
        return before.provinces();
    }

    List<District> districts() {
        return before.districts();
    }

    List<Commune> oldCommunes() {
        return before.communes();
    }

    List<Province> newProvinces() {
        return after.provinces();
    }

    List<Commune> newCommunes() {
        return after.communes();
    }

    List<ProvinceMerger> mergers() {
        return crosswalk.provinces();
    }

    List<Formation> formations() {
        return crosswalk.communes();
    }

    Map<String, List<Successor>> oldToNew() {
        return Collections.unmodifiableMap(successors);
    }

    private static boolean before(LocalDate date) {
        return date.isBefore(REORGANISED_ON);
    }
}
