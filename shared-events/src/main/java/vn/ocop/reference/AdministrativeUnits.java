package vn.ocop.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kon Tum's administrative units as published in {@code vn/ocop/reference/kontum-admin-units.json}: the ten
 * district-level units and their communes valid until 2025-06-30, and the commune-level units of Quảng Ngãi
 * that replaced them from 2025-07-01 with the (unverified) mapping from the old ones.
 */
public final class AdministrativeUnits {

    public static final String RESOURCE = "/vn/ocop/reference/kontum-admin-units.json";

    /**
     * The day Kon Tum merged into Quảng Ngãi and its commune-level units into the new ones; the district level
     * ends the day before. A unit is in force before this day if it is one of Kon Tum's, from this day if it is
     * one of Quảng Ngãi's.
     */
    public static final LocalDate REORGANISED_ON = LocalDate.of(2025, 7, 1);

    /** A district-level unit (huyện, thành phố) and its communes, before 2025-07-01. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record District(String code, String name, @JsonProperty("name_local") String nameLocal,
                           List<Commune> communes) {
    }

    /** A commune-level unit (xã, phường, thị trấn) before 2025-07-01. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commune(String code, String name, @JsonProperty("name_local") String nameLocal, String kind) {
    }

    /** A commune-level unit from 2025-07-01, with the old units it absorbed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CurrentUnit(String code, String name, String kind,
                              @JsonProperty("old_districts") List<District> oldDistricts,
                              List<Commune> absorbed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(List<District> districts, @JsonProperty("post_2025") PostReorganisation post2025) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PostReorganisation(List<CurrentUnit> units) {
    }

    private final List<District> districts;
    private final List<CurrentUnit> currentUnits;
    private final Map<String, District> districtOfCommune = new HashMap<>();
    private final Map<String, Commune> communes = new HashMap<>();
    private final Map<String, CurrentUnit> currentByCode = new HashMap<>();
    private final Map<String, CurrentUnit> currentByAbsorbed = new HashMap<>();

    private AdministrativeUnits(Document document) {
        this.districts = List.copyOf(document.districts());
        this.currentUnits = document.post2025() == null ? List.of() : List.copyOf(document.post2025().units());
        for (District district : districts) {
            for (Commune commune : district.communes()) {
                districtOfCommune.put(commune.code(), district);
                communes.put(commune.code(), commune);
            }
        }
        for (CurrentUnit unit : currentUnits) {
            currentByCode.put(unit.code(), unit);
            if (unit.absorbed() != null) {
                unit.absorbed().forEach(old -> currentByAbsorbed.put(old.code(), unit));
            }
        }
    }

    /** The bundled units. */
    public static AdministrativeUnits load() {
        try (InputStream in = AdministrativeUnits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + RESOURCE);
            }
            return new AdministrativeUnits(JsonMapper.builder().build().readValue(in, Document.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable reference data " + RESOURCE, e);
        }
    }

    public List<District> districts() {
        return districts;
    }

    public List<CurrentUnit> currentUnits() {
        return currentUnits;
    }

    /** The district a (pre-2025) commune code belonged to. */
    public Optional<District> districtOf(String communeCode) {
        return Optional.ofNullable(districtOfCommune.get(communeCode));
    }

    public Optional<Commune> commune(String communeCode) {
        return Optional.ofNullable(communes.get(communeCode));
    }

    /** The unit that took over a pre-2025 commune from 2025-07-01. */
    public Optional<CurrentUnit> currentUnitOf(String communeCode) {
        return Optional.ofNullable(currentByAbsorbed.get(communeCode));
    }

    /**
     * Whether {@code communeCode} names a commune-level unit in force on {@code date}: one of Kon Tum's before
     * {@link #REORGANISED_ON}, one of Quảng Ngãi's from then. A code kept by a merged unit is in force on both
     * sides of the day (naming the old commune before, the merged unit after); a code absorbed without being
     * kept is not in force from then on.
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
            return commune(communeCode).map(commune -> new Unit(commune.code(), commune.name(), commune.nameLocal(),
                    commune.kind(), districtOf(communeCode).map(District::code).orElse(null), null, null));
        }
        return Optional.ofNullable(currentByCode.get(communeCode)).map(unit -> new Unit(unit.code(), unit.name(),
                null, unit.kind(), null, AdministrativeUnits.REORGANISED_ON, unit.absorbed() == null ? List.of()
                        : unit.absorbed().stream().map(Commune::code).toList()));
    }

    /** The commune-level units in force on {@code date}. */
    public List<Unit> unitsOn(LocalDate date) {
        List<String> codes = date.isBefore(REORGANISED_ON)
                ? districts.stream().flatMap(district -> district.communes().stream()).map(Commune::code).toList()
                : currentUnits.stream().map(CurrentUnit::code).toList();
        return codes.stream().map(code -> unitOn(code, date).orElseThrow()).toList();
    }

    /**
     * A commune-level unit as in force on a date.
     *
     * @param nameLocal    the local spelling where it differs from the statistics office's, else null
     * @param districtCode before the reorganisation, its district-level unit; else null
     * @param since        from the reorganisation, the day it began; else null
     * @param absorbed     from the reorganisation, the codes of the old communes it took over; else null
     */
    public record Unit(String code, String name, String nameLocal, String kind, String districtCode,
                       LocalDate since, List<String> absorbed) {
    }
}
