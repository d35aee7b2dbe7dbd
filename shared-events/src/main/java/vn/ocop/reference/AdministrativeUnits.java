package vn.ocop.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private AdministrativeUnits(Document document) {
        this.districts = List.copyOf(document.districts());
        this.currentUnits = document.post2025() == null ? List.of() : List.copyOf(document.post2025().units());
        for (District district : districts) {
            for (Commune commune : district.communes()) {
                districtOfCommune.put(commune.code(), district);
                communes.put(commune.code(), commune);
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
        return currentUnits.stream()
                .filter(unit -> unit.absorbed() != null
                        && unit.absorbed().stream().anyMatch(old -> old.code().equals(communeCode)))
                .findFirst();
    }
}
