package vn.ocop.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The administrative units a deployment serves: one or more provinces of 2025-07-01 (by configuration,
 * {@code ocop.provinces}) with, before that day, the former provinces that formed them, their district-level
 * units and communes; from it, their commune-level units and which of them took over each old commune. Built
 * from the {@link CountryUnits country's units}; a code outside these provinces is not one of the deployment's.
 *
 * <p>Where an old commune was split among several new units, its records count in one of them, as
 * {@link CountryUnits#countsIn} says; docs/administrative-units.md gives the rule.
 */
public final class AdministrativeUnits {

    /** Kon Tum's own file, still read for the local spellings of its units' names (Đăk for Đắk). */
    public static final String RESOURCE = "/vn/ocop/reference/kontum-admin-units.json";

    /** What {@code ocop.provinces} says for a deployment that serves every province. */
    public static final String ALL = "all";

    /** The province a deployment serves unless told otherwise: the new Quảng Ngãi, which took over Kon Tum. */
    public static final List<String> DEFAULT_PROVINCES = List.of("51");

    /**
     * The day the provinces and communes were reorganised and the district level ended (the day before). A unit is
     * in force before this day if it is one of the old units, from this day if it is one of the new.
     */
    public static final LocalDate REORGANISED_ON = CountryUnits.REORGANISED_ON;

    /** A province served from 2025-07-01 and the old provinces that formed it (one of them lent its code). */
    public record Province(String code, String name, List<FormerProvince> formerProvinces) {
    }

    /** A province before 2025-07-01 that one of the served provinces took over. */
    public record FormerProvince(String code, String name) {
    }

    /**
     * A district-level unit (huyện, thành phố, thị xã, quận) and its communes, before 2025-07-01.
     *
     * @param formerProvinceCode the old province it lay in
     * @param provinceCode       the served province that took that one over
     */
    public record District(String code, String name, String nameLocal, String kind, String formerProvinceCode,
                           String provinceCode, List<Commune> communes) {
    }

    /** A commune-level unit (xã, phường, thị trấn) before 2025-07-01. */
    public record Commune(String code, String name, String nameLocal, String kind) {
    }

    /**
     * A commune-level unit from 2025-07-01.
     *
     * @param oldDistricts the old districts its constituents lay in
     * @param absorbed     the old communes it took over, whole or (for a split commune) in part
     * @param counted      of those, the ones whose records count in it (a split commune counts in one unit only)
     */
    public record CurrentUnit(String code, String name, String kind, String provinceCode, List<District> oldDistricts,
                              List<Commune> absorbed, List<String> counted) {
    }

    private final List<Province> provinces;
    private final List<District> districts;
    private final List<CurrentUnit> currentUnits;
    private final Map<String, District> districtOfCommune = new HashMap<>();
    private final Map<String, Commune> communes = new HashMap<>();
    private final Map<String, CurrentUnit> currentByCode = new HashMap<>();
    private final Map<String, CurrentUnit> currentByCounted = new HashMap<>();

    private AdministrativeUnits(CountryUnits country, List<String> provinceCodes, Map<String, String> localNames) {
        List<Province> served = new ArrayList<>();
        List<District> oldDistricts = new ArrayList<>();
        List<CurrentUnit> units = new ArrayList<>();
        Map<String, District> districtByCode = new HashMap<>();
        for (String code : new LinkedHashSet<>(provinceCodes)) {
            CountryUnits.Province province = country.province(code, REORGANISED_ON).orElseThrow(() ->
                    new IllegalArgumentException("no province " + code + " from " + REORGANISED_ON));
            List<FormerProvince> formers = new ArrayList<>();
            for (String former : country.formerProvinces(code)) {
                formers.add(new FormerProvince(former,
                        country.province(former, REORGANISED_ON.minusDays(1)).orElseThrow().name()));
                for (CountryUnits.District district : country.districtsOf(former)) {
                    List<Commune> communesOfDistrict = country.communesOfDistrict(district.code()).stream()
                            .map(commune -> new Commune(commune.code(), commune.name(),
                                    localNames.get(commune.code()), kind(commune.kind())))
                            .toList();
                    District kept = new District(district.code(), district.name(),
                            localNames.get("district:" + district.code()), kind(district.kind()), former, code,
                            communesOfDistrict);
                    oldDistricts.add(kept);
                    districtByCode.put(kept.code(), kept);
                    for (Commune commune : communesOfDistrict) {
                        districtOfCommune.put(commune.code(), kept);
                        communes.put(commune.code(), commune);
                    }
                }
            }
            served.add(new Province(code, province.name(), List.copyOf(formers)));
            for (CountryUnits.Commune unit : country.communesOfProvince(code)) {
                CountryUnits.Formation formation = country.formation(unit.code()).orElse(null);
                List<Commune> absorbed = new ArrayList<>();
                List<String> counted = new ArrayList<>();
                Set<District> from = new LinkedHashSet<>();
                if (formation != null) {
                    for (String old : formation.absorbed()) {
                        absorbed.add(communes.get(old));
                        counted.add(old);
                    }
                    for (String old : formation.absorbedPartial()) {
                        absorbed.add(communes.get(old));
                        if (country.countsIn(old).filter(unit.code()::equals).isPresent()) {
                            counted.add(old);
                        }
                    }
                    formation.absorbedDistrict().stream().map(districtByCode::get).forEach(from::add);
                }
                absorbed.forEach(old -> from.add(districtOfCommune.get(old.code())));
                CurrentUnit current = new CurrentUnit(unit.code(), unit.name(), kind(unit.kind()), code,
                        List.copyOf(from), List.copyOf(absorbed), List.copyOf(counted));
                units.add(current);
                currentByCode.put(current.code(), current);
                counted.forEach(old -> currentByCounted.put(old, current));
            }
        }
        this.provinces = List.copyOf(served);
        this.districts = List.copyOf(oldDistricts);
        this.currentUnits = List.copyOf(units);
    }

    /** The units of the default deployment ({@link #DEFAULT_PROVINCES}). */
    public static AdministrativeUnits load() {
        return of(DEFAULT_PROVINCES);
    }

    /**
     * The units of a deployment serving {@code provinceCodes} (codes of 2025-07-01), or the whole country for the
     * single word {@link #ALL}.
     */
    public static AdministrativeUnits of(List<String> provinceCodes) {
        if (provinceCodes == null || provinceCodes.isEmpty()) {
            throw new IllegalArgumentException("a deployment serves at least one province");
        }
        if (provinceCodes.equals(List.of(ALL))) {
            return country();
        }
        return new AdministrativeUnits(CountryUnits.bundled(), provinceCodes, localNames());
    }

    /** The whole country's 34 provinces: a national deployment (the ministry's, a benchmark's register). */
    public static AdministrativeUnits country() {
        CountryUnits country = CountryUnits.bundled();
        return new AdministrativeUnits(country, country.provincesOn(REORGANISED_ON).stream()
                .map(CountryUnits.Province::code).toList(), localNames());
    }

    /** Kon Tum's local spellings, by commune code and by {@code district:} code, where they differ. */
    private static Map<String, String> localNames() {
        try (InputStream in = AdministrativeUnits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + RESOURCE);
            }
            Map<String, String> names = new HashMap<>();
            for (JsonNode district : JsonMapper.builder().build().readTree(in).get("districts")) {
                if (district.hasNonNull("name_local")) {
                    names.put("district:" + district.get("code").asText(), district.get("name_local").asText());
                }
                for (JsonNode commune : district.get("communes")) {
                    if (commune.hasNonNull("name_local")) {
                        names.put(commune.get("code").asText(), commune.get("name_local").asText());
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable reference data " + RESOURCE, e);
        }
    }

    private static String kind(String vietnamese) {
        return switch (vietnamese) {
            case "xã" -> "commune";
            case "phường" -> "ward";
            case "thị trấn" -> "township";
            case "đặc khu" -> "special zone";
            case "huyện" -> "district";
            case "thành phố" -> "city";
            case "thị xã" -> "town";
            case "quận" -> "urban district";
            default -> vietnamese;
        };
    }

    /** The provinces served, in the order configured. */
    public List<Province> provinces() {
        return provinces;
    }

    /** The served province of that code, if it is one. */
    public Optional<Province> province(String code) {
        return provinces.stream().filter(province -> province.code().equals(code)).findFirst();
    }

    /** The served province the records of a commune code (old or new) count in. */
    public Optional<String> provinceOf(String communeCode) {
        CurrentUnit current = currentByCode.get(communeCode);
        if (current != null) {
            return Optional.of(current.provinceCode());
        }
        return districtOf(communeCode).map(District::provinceCode);
    }

    /** The old districts of the former provinces. */
    public List<District> districts() {
        return districts;
    }

    /** The commune-level units from 2025-07-01. */
    public List<CurrentUnit> currentUnits() {
        return currentUnits;
    }

    /** The district a (pre-2025) commune code belonged to. */
    public Optional<District> districtOf(String communeCode) {
        return Optional.ofNullable(districtOfCommune.get(communeCode));
    }

    /** The pre-2025 commune of that code. */
    public Optional<Commune> commune(String communeCode) {
        return Optional.ofNullable(communes.get(communeCode));
    }

    /** The unit a pre-2025 commune's records count in from 2025-07-01 (for a split commune, the rule above). */
    public Optional<CurrentUnit> currentUnitOf(String communeCode) {
        return Optional.ofNullable(currentByCounted.get(communeCode));
    }

    /**
     * A commune code's name without a date: the old commune's where the code was one (a record keeps the unit it
     * named), else the unit of 2025-07-01's.
     */
    public Optional<String> nameOf(String communeCode) {
        return commune(communeCode).map(Commune::name).or(() -> currentUnit(communeCode).map(CurrentUnit::name));
    }

    /** The unit from 2025-07-01 of that code. */
    public Optional<CurrentUnit> currentUnit(String code) {
        return Optional.ofNullable(currentByCode.get(code));
    }

    /**
     * Whether {@code communeCode} names a commune-level unit of the served provinces in force on {@code date}: an
     * old commune of a former province before {@link #REORGANISED_ON}, a new unit from then. A code kept by a
     * merged unit is in force on both sides of the day (naming the old commune before, the merged unit after); a
     * code absorbed without being kept is not in force from then on.
     */
    public boolean inForceOn(String communeCode, LocalDate date) {
        return date.isBefore(REORGANISED_ON) ? communes.containsKey(communeCode)
                : currentByCode.containsKey(communeCode);
    }

    /**
     * The unit a commune code names on {@code date}: the old commune (with its district) before the
     * reorganisation, the merged unit from then on.
     */
    public Optional<Unit> unitOn(String communeCode, LocalDate date) {
        if (date.isBefore(REORGANISED_ON)) {
            return commune(communeCode).map(commune -> {
                District district = districtOfCommune.get(communeCode);
                return new Unit(commune.code(), commune.name(), commune.nameLocal(), commune.kind(),
                        district.provinceCode(), district.code(), null, null);
            });
        }
        return Optional.ofNullable(currentByCode.get(communeCode)).map(unit -> new Unit(unit.code(), unit.name(),
                null, unit.kind(), unit.provinceCode(), null, REORGANISED_ON,
                unit.absorbed().stream().map(Commune::code).toList()));
    }

    /** The commune-level units in force on {@code date}. */
    public List<Unit> unitsOn(LocalDate date) {
        List<String> codes = date.isBefore(REORGANISED_ON)
                ? districts.stream().flatMap(district -> district.communes().stream()).map(Commune::code).toList()
                : currentUnits.stream().map(CurrentUnit::code).toList();
        return codes.stream().map(code -> unitOn(code, date).orElseThrow()).toList();
    }

    /** The commune codes, old and new, whose records count in a served province. */
    public List<String> communesOfProvince(String provinceCode) {
        Map<String, Boolean> codes = new LinkedHashMap<>();
        districts.stream().filter(district -> district.provinceCode().equals(provinceCode))
                .flatMap(district -> district.communes().stream()).forEach(commune -> codes.put(commune.code(), true));
        currentUnits.stream().filter(unit -> unit.provinceCode().equals(provinceCode))
                .forEach(unit -> codes.put(unit.code(), true));
        return List.copyOf(codes.keySet());
    }

    /**
     * A commune-level unit as in force on a date.
     *
     * @param nameLocal    the local spelling where it differs from the statistics office's, else null
     * @param provinceCode the served province it counts in
     * @param districtCode before the reorganisation, its district-level unit; else null
     * @param since        from the reorganisation, the day it began; else null
     * @param absorbed     from the reorganisation, the codes of the old communes it took over; else null
     */
    public record Unit(String code, String name, String nameLocal, String kind, String provinceCode,
                       String districtCode, LocalDate since, List<String> absorbed) {
    }
}
