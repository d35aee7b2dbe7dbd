package vn.ocop.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment's units: the new Quảng Ngãi by default, with the former Kon Tum and Quảng Ngãi before. */
class AdministrativeUnitsTest {

    private static final LocalDate LAST_DAY = AdministrativeUnits.REORGANISED_ON.minusDays(1);
    private static final LocalDate FIRST_DAY = AdministrativeUnits.REORGANISED_ON;

    private final AdministrativeUnits units = AdministrativeUnits.load();

    @Test
    void theDefaultDeploymentServesTheNewQuangNgaiWithTheTwoProvincesThatFormedIt() {
        assertThat(units.provinces()).singleElement().satisfies(province -> {
            assertThat(province.code()).isEqualTo("51");
            assertThat(province.name()).isEqualTo("Tỉnh Quảng Ngãi");
            assertThat(province.formerProvinces()).extracting(AdministrativeUnits.FormerProvince::code)
                    .containsExactlyInAnyOrder("51", "62");
        });
        // Kon Tum's ten district-level units and 102 communes, Quảng Ngãi's thirteen and 170
        assertThat(units.districts().stream().filter(district -> district.formerProvinceCode().equals("62")))
                .hasSize(10).flatExtracting(AdministrativeUnits.District::communes).hasSize(102);
        assertThat(units.districts().stream().filter(district -> district.formerProvinceCode().equals("51")))
                .hasSize(13).flatExtracting(AdministrativeUnits.District::communes).hasSize(170);
        assertThat(units.unitsOn(LAST_DAY)).hasSize(272);
        assertThat(units.unitsOn(FIRST_DAY)).hasSize(96);
        assertThat(units.districts()).allSatisfy(district -> assertThat(district.provinceCode()).isEqualTo("51"));
    }

    @Test
    void aCommuneBelongsToItsDistrictAndToAUnitAfterTheReorganisation() {
        assertThat(units.districtOf("23281")).map(AdministrativeUnits.District::code).contains("608");
        assertThat(units.commune("23281")).map(AdministrativeUnits.Commune::name).contains("Phường Quang Trung");
        assertThat(units.currentUnitOf("23281")).map(AdministrativeUnits.CurrentUnit::name).contains("Phường Kon Tum");
        assertThat(units.districtOf("21118")).map(AdministrativeUnits.District::name).contains("Huyện Trà Bồng");
        assertThat(units.districtOf("99999")).isEmpty();
        // a code's name without a date: the old commune's where it was one, else the new unit's
        assertThat(units.nameOf("23293")).contains("Phường Thắng Lợi");
        assertThat(units.nameOf("21548")).contains("Đặc khu Lý Sơn");
        assertThat(units.nameOf("00070")).isEmpty();
        // Kon Tum's local spellings stay searchable
        assertThat(units.districtOf("23281")).map(AdministrativeUnits.District::nameLocal).contains("Kon Tum");
    }

    @Test
    void aCommuneCodeIsInForceOnlyOnTheSideOfTheReorganisationThatHasIt() {
        // 23281 Phường Quang Trung was absorbed into Phường Kon Tum, which kept 23293
        assertThat(units.inForceOn("23281", LAST_DAY)).isTrue();
        assertThat(units.inForceOn("23281", FIRST_DAY)).isFalse();
        // 23293 names Phường Thắng Lợi until the day before, the merged Phường Kon Tum from the day
        assertThat(units.inForceOn("23293", LAST_DAY)).isTrue();
        assertThat(units.inForceOn("23293", FIRST_DAY)).isTrue();
        assertThat(units.unitOn("23293", LAST_DAY)).map(AdministrativeUnits.Unit::name).contains("Phường Thắng Lợi");
        assertThat(units.unitOn("23293", FIRST_DAY)).map(AdministrativeUnits.Unit::name).contains("Phường Kon Tum");
        assertThat(units.unitOn("23293", LAST_DAY)).map(AdministrativeUnits.Unit::districtCode).contains("608");
        assertThat(units.unitOn("23293", FIRST_DAY).orElseThrow().absorbed())
                .containsExactlyInAnyOrder("23281", "23287", "23293", "23290", "23299");
        assertThat(units.inForceOn("99999", LAST_DAY)).isFalse();
        assertThat(units.inForceOn("99999", FIRST_DAY)).isFalse();
    }

    @Test
    void aUnitOfAnotherProvinceIsNotTheDeployments() {
        // 00070 Phường Hoàn Kiếm of Hà Nội; 20194 a commune of the former Quảng Nam
        assertThat(units.inForceOn("00070", FIRST_DAY)).isFalse();
        assertThat(units.provinceOf("00070")).isEmpty();
        AdministrativeUnits two = AdministrativeUnits.of(List.of("51", "48"));
        assertThat(two.provinces()).extracting(AdministrativeUnits.Province::code).containsExactly("51", "48");
        assertThat(two.unitsOn(FIRST_DAY)).hasSize(96 + 94);
        assertThat(two.provinceOf("23293")).contains("51");
        assertThat(two.currentUnits().stream().filter(unit -> unit.provinceCode().equals("48"))).hasSize(94);
        assertThat(two.communesOfProvince("48")).doesNotContainAnyElementsOf(two.communesOfProvince("51"));
        assertThatThrownBy(() -> AdministrativeUnits.of(List.of("62")))
                .hasMessageContaining("no province 62");
    }

    @Test
    void aNationalDeploymentServesEveryProvinceAndEveryUnit() {
        AdministrativeUnits country = AdministrativeUnits.of(List.of(AdministrativeUnits.ALL));
        assertThat(country.provinces()).hasSize(34);
        assertThat(country.unitsOn(FIRST_DAY)).hasSize(3_321);
        assertThat(country.unitsOn(LAST_DAY)).hasSize(10_047);
        assertThat(country.districts()).hasSize(696);
        assertThat(country.provinceOf("00070")).contains("01");
    }

    @Test
    void everyOldCommuneCountsInExactlyOneNewUnitASplitOneInTheLowestCodeThatTookPartOfIt() {
        assertThat(units.districts().stream().flatMap(district -> district.communes().stream()))
                .allSatisfy(commune -> assertThat(units.currentUnitOf(commune.code())).as(commune.code()).isPresent());
        // 21142 Xã Trà Bùi was split between 21136 Xã Cà Đam and 21157 Xã Tây Trà Bồng; neither kept its code
        assertThat(units.currentUnitOf("21142")).map(AdministrativeUnits.CurrentUnit::code).contains("21136");
        assertThat(units.currentUnit("21157").orElseThrow().absorbed())
                .extracting(AdministrativeUnits.Commune::code).contains("21142");
        assertThat(units.currentUnit("21157").orElseThrow().counted()).doesNotContain("21142");
        // the island district of Lý Sơn, without communes, became a special zone
        assertThat(units.currentUnit("21548").orElseThrow().oldDistricts())
                .extracting(AdministrativeUnits.District::code).containsExactly("536");
        assertThat(units.currentUnit("21548").orElseThrow().kind()).isEqualTo("special zone");
    }
}
