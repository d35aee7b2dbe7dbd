package vn.ocop.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdministrativeUnitsTest {

    private final AdministrativeUnits units = AdministrativeUnits.load();

    @Test
    void kontumHadTenDistrictLevelUnitsAndOneHundredAndTwoCommunes() {
        assertThat(units.districts()).hasSize(10);
        assertThat(units.districts().stream().mapToInt(district -> district.communes().size()).sum()).isEqualTo(102);
    }

    @Test
    void aCommuneBelongsToItsDistrictAndToAUnitAfterTheReorganisation() {
        assertThat(units.districtOf("23281")).map(AdministrativeUnits.District::code).contains("608");
        assertThat(units.commune("23281")).map(AdministrativeUnits.Commune::name).contains("Phường Quang Trung");
        assertThat(units.currentUnitOf("23281")).map(AdministrativeUnits.CurrentUnit::name).contains("Phường Kon Tum");
        assertThat(units.districtOf("99999")).isEmpty();
    }
}
