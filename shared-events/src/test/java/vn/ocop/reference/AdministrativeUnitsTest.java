package vn.ocop.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

    @Test
    void aCommuneCodeIsInForceOnlyOnTheSideOfTheReorganisationThatHasIt() {
        LocalDate lastDay = AdministrativeUnits.REORGANISED_ON.minusDays(1);
        LocalDate firstDay = AdministrativeUnits.REORGANISED_ON;
        // 23281 Phường Quang Trung was absorbed into Phường Kon Tum, which kept 23293
        assertThat(units.inForceOn("23281", lastDay)).isTrue();
        assertThat(units.inForceOn("23281", firstDay)).isFalse();
        // 23293 names Phường Thắng Lợi until the day before, the merged Phường Kon Tum from the day
        assertThat(units.inForceOn("23293", lastDay)).isTrue();
        assertThat(units.inForceOn("23293", firstDay)).isTrue();
        assertThat(units.unitOn("23293", lastDay)).map(AdministrativeUnits.Unit::name).contains("Phường Thắng Lợi");
        assertThat(units.unitOn("23293", firstDay)).map(AdministrativeUnits.Unit::name).contains("Phường Kon Tum");
        assertThat(units.unitOn("23293", lastDay)).map(AdministrativeUnits.Unit::districtCode).contains("608");
        assertThat(units.unitOn("23293", firstDay).orElseThrow().absorbed())
                .containsExactlyInAnyOrder("23281", "23287", "23293", "23290", "23299");
        assertThat(units.inForceOn("99999", lastDay)).isFalse();
        assertThat(units.inForceOn("99999", firstDay)).isFalse();
    }

    @Test
    void theUnitsInForceAreKonTumsHundredAndTwoBeforeAndTheFortyNewOnesAfter() {
        assertThat(units.unitsOn(LocalDate.of(2024, 12, 31))).hasSize(102);
        assertThat(units.unitsOn(LocalDate.of(2025, 7, 1))).hasSize(40);
        // every old commune is taken over by exactly one new unit
        assertThat(units.districts().stream().flatMap(district -> district.communes().stream())
                .allMatch(commune -> units.currentUnitOf(commune.code()).isPresent())).isTrue();
    }
}
