package vn.ocop.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The country's units and the 2025 crosswalk hold the invariants their sources were checked for: counts, code
 * forms, parents, every old province and commune taken over (a split commune by two or more new units, a whole
 * one by exactly one), island districts turned special zones, and the reverse index agreeing with the forward
 * lists; and Kon Tum's 102 old units map as Kon Tum's own file says.
 */
class CountryUnitsTest {

    private static final CountryUnits UNITS = CountryUnits.load();
    private static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    private static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    @Test
    void beforeTheReorganisationSixtyThreeProvincesTheirDistrictsAndCommunes() {
        Map<String, CountryUnits.Province> provinces = unique(UNITS.oldProvinces(), CountryUnits.Province::code);
        Map<String, CountryUnits.District> districts = unique(UNITS.districts(), CountryUnits.District::code);
        unique(UNITS.oldCommunes(), CountryUnits.Commune::code);
        assertThat(provinces).hasSize(63);
        assertThat(districts).hasSize(696);
        assertThat(UNITS.oldCommunes()).hasSize(10_047);
        assertThat(UNITS.oldProvinces()).allSatisfy(province -> {
            assertThat(province.code()).matches("\\d{2}");
            assertThat(province.kind()).isIn("tỉnh", "thành phố");
        });
        assertThat(UNITS.districts()).allSatisfy(district -> {
            assertThat(district.code()).matches("\\d{3}");
            assertThat(provinces).containsKey(district.provinceCode());
            assertThat(district.kind()).isIn("quận", "huyện", "thị xã", "thành phố");
            assertThat(UNITS.communesOfDistrict(district.code())).hasSize(district.communeCount());
        });
        assertThat(UNITS.oldCommunes()).allSatisfy(commune -> {
            assertThat(commune.code()).matches("\\d{5}");
            assertThat(districts.get(commune.districtCode()).provinceCode()).isEqualTo(commune.provinceCode());
            assertThat(commune.kind()).isIn("phường", "xã", "thị trấn");
        });
    }

    @Test
    void fromTheReorganisationThirtyFourProvincesAndTheirCommuneLevelUnits() {
        Map<String, CountryUnits.Province> provinces = unique(UNITS.newProvinces(), CountryUnits.Province::code);
        unique(UNITS.newCommunes(), CountryUnits.Commune::code);
        assertThat(provinces).hasSize(34);
        assertThat(UNITS.newCommunes()).hasSize(3_321);
        assertThat(UNITS.newCommunes().stream().collect(Collectors.groupingBy(CountryUnits.Commune::kind,
                Collectors.counting()))).isEqualTo(Map.of("xã", 2_621L, "phường", 687L, "đặc khu", 13L));
        assertThat(UNITS.newCommunes()).allSatisfy(commune -> {
            assertThat(commune.code()).matches("\\d{5}");
            assertThat(provinces).containsKey(commune.provinceCode());
            assertThat(commune.name().split(" ")[0].toLowerCase()).isEqualTo(commune.kind().split(" ")[0]);
        });
        assertThat(UNITS.newProvinces()).allSatisfy(province ->
                assertThat(UNITS.province(province.code(), BEFORE)).as("a new province keeps an old code").isPresent());
    }

    @Test
    void everyOldProvinceIsTakenOverByExactlyOneNewOneWhichKeepsAConstituentsCode() {
        Map<String, Integer> taken = new HashMap<>();
        for (CountryUnits.ProvinceMerger merger : UNITS.mergers()) {
            assertThat(UNITS.province(merger.code(), AFTER)).isPresent();
            assertThat(merger.absorbed()).contains(merger.code());
            merger.absorbed().forEach(old -> taken.merge(old, 1, Integer::sum));
        }
        assertThat(taken.keySet()).isEqualTo(UNITS.oldProvinces().stream().map(CountryUnits.Province::code)
                .collect(Collectors.toSet()));
        assertThat(taken.values()).containsOnly(1);
        assertThat(UNITS.formerProvinces("51")).containsExactlyInAnyOrder("51", "62");
        assertThat(UNITS.successorProvince("62")).contains("51");
    }

    @Test
    void everyOldCommuneGoesWholeToOneUnitOrInPartToSeveralAndTheReverseIndexAgrees() {
        Map<String, Integer> whole = new HashMap<>();
        Map<String, Integer> any = new HashMap<>();
        Set<String> islandDistricts = new HashSet<>();
        Map<String, Set<String>> formerOfNew = new HashMap<>();
        UNITS.mergers().forEach(merger -> formerOfNew.put(merger.code(), Set.copyOf(merger.absorbed())));
        assertThat(UNITS.formations()).hasSameSizeAs(UNITS.newCommunes());
        for (CountryUnits.Formation formation : UNITS.formations()) {
            CountryUnits.Commune unit = UNITS.commune(formation.code(), AFTER).orElseThrow();
            assertThat(unit.provinceCode()).isEqualTo(formation.provinceCode());
            List<String> olds = new java.util.ArrayList<>(formation.absorbed());
            olds.addAll(formation.absorbedPartial());
            assertThat(!olds.isEmpty() || !formation.absorbedDistrict().isEmpty()).as(formation.code()).isTrue();
            for (String old : olds) {
                CountryUnits.Commune commune = UNITS.commune(old, BEFORE).orElseThrow();
                assertThat(formerOfNew.get(formation.provinceCode())).as(formation.code() + " ← " + old)
                        .contains(commune.provinceCode());
                any.merge(old, 1, Integer::sum);
            }
            formation.absorbed().forEach(old -> whole.merge(old, 1, Integer::sum));
            for (String district : formation.absorbedDistrict()) {
                assertThat(UNITS.district(district).orElseThrow().communeCount()).isZero();
                islandDistricts.add(district);
            }
        }
        assertThat(whole.values()).as("no old commune merged whole twice").containsOnly(1);
        assertThat(whole.keySet()).allSatisfy(old -> assertThat(any.get(old)).as(old).isEqualTo(whole.get(old)));
        assertThat(any.entrySet()).filteredOn(entry -> !whole.containsKey(entry.getKey()))
                .allSatisfy(split -> assertThat(split.getValue()).as("split " + split.getKey()).isGreaterThan(1));
        assertThat(any.keySet()).isEqualTo(UNITS.oldCommunes().stream().map(CountryUnits.Commune::code)
                .collect(Collectors.toSet()));
        assertThat(islandDistricts).isEqualTo(UNITS.districts().stream().filter(d -> d.communeCount() == 0)
                .map(CountryUnits.District::code).collect(Collectors.toSet()));
        assertThat(UNITS.oldToNew().keySet()).isEqualTo(any.keySet());
        assertThat(UNITS.oldToNew()).allSatisfy((old, successors) -> assertThat(successors)
                .allSatisfy(successor -> assertThat(successor.whole()).isEqualTo(whole.containsKey(old))));
    }

    @Test
    void aCodeNamesTheUnitOfItsDate() {
        assertThat(UNITS.commune("23500", BEFORE).orElseThrow().districtCode()).isNotNull();
        assertThat(UNITS.commune("23500", AFTER).orElseThrow().districtCode()).isNull();
        assertThat(UNITS.commune("21548", AFTER).orElseThrow().kind()).isEqualTo("đặc khu");
        assertThat(UNITS.commune("21548", BEFORE)).isEmpty();
        assertThat(UNITS.provincesOn(BEFORE)).hasSize(63);
        assertThat(UNITS.provincesOn(AFTER)).hasSize(34);
    }

    @Test
    void everyOneOfKonTumsOldUnitsMapsAsKonTumsOwnFileSays() throws Exception {
        JsonNode kontum;
        try (InputStream in = CountryUnits.class.getResourceAsStream(AdministrativeUnits.RESOURCE)) {
            kontum = JsonMapper.builder().build().readTree(in);
        }
        int checked = 0;
        for (JsonNode district : kontum.get("districts")) {
            CountryUnits.District known = UNITS.district(district.get("code").asText()).orElseThrow();
            assertThat(known.provinceCode()).isEqualTo("62");
            assertThat(known.name()).isEqualTo(district.get("name").asText());
            for (JsonNode commune : district.get("communes")) {
                String code = commune.get("code").asText();
                CountryUnits.Commune old = UNITS.commune(code, BEFORE).orElseThrow();
                assertThat(old.name()).isEqualTo(commune.get("name").asText());
                assertThat(old.districtCode()).isEqualTo(known.code());
                String unit = commune.get("post_2025_unit").get("code").asText();
                assertThat(UNITS.successors(code)).as(code).extracting(CountryUnits.Successor::code).containsExactly(unit);
                assertThat(UNITS.commune(unit, AFTER).orElseThrow().name())
                        .isEqualTo(commune.get("post_2025_unit").get("name").asText());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(102);
    }

    private static <T> Map<String, T> unique(List<T> units, Function<T, String> code) {
        Map<String, T> byCode = new HashMap<>();
        units.forEach(unit -> assertThat(byCode.put(code.apply(unit), unit)).as("code " + code.apply(unit)).isNull());
        return byCode;
    }
}
