package vn.ocop.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who reaches a record where it lies: the jurisdiction labels against old and new commune codes. */
class ReachTest {

    // 23281 Phường Quang Trung (Kon Tum, district 608) until 2025-06-30; 23293 kept by Phường Kon Tum after;
    // 21118 Xã Trà Giang (former Quảng Ngãi, district 525); 00070 Phường Hoàn Kiếm (Hà Nội, both sides)

    @Test
    void aProvinceReachesItsUnitsAndThoseOfTheFormerProvincesThatFormedItNeverAnothers() {
        assertThat(Reach.reaches("province:51", "23281")).isTrue();
        assertThat(Reach.reaches("province:51", "23293")).isTrue();
        assertThat(Reach.reaches("province:51", "21118")).isTrue();
        assertThat(Reach.reaches("province:51", "00070")).isFalse();
        assertThat(Reach.reaches("province:01", "00070")).isTrue();
        assertThat(Reach.reaches("province:01", "23293")).isFalse();
        // a former province's label reaches its own old communes only
        assertThat(Reach.reaches("province:62", "23281")).isTrue();
        assertThat(Reach.reaches("province:62", "21118")).isFalse();
    }

    @Test
    void aDistrictReachesItsOldCommunesACommuneItselfAndWhatCountsInItAndAllEverything() {
        assertThat(Reach.reaches("district:608", "23281")).isTrue();
        assertThat(Reach.reaches("district:525", "23281")).isFalse();
        assertThat(Reach.reaches("district:525", "21118")).isTrue();
        assertThat(Reach.reaches("commune:23281", "23281")).isTrue();
        // an old commune's account reaches that commune; a new unit's account the old communes counted in it
        assertThat(Reach.reaches("commune:23281", "23293")).isFalse();
        assertThat(Reach.reaches("commune:23293", "23281")).isTrue();
        assertThat(Reach.reaches("commune:23293", "21118")).isFalse();
        assertThat(Reach.reaches("all", "00070")).isTrue();
        assertThat(Reach.reaches(null, "00070")).isTrue();
        assertThat(Reach.reaches("province:51", null)).isFalse();
        assertThat(Reach.reaches("nonsense", "23281")).isFalse();
    }
}
