package vn.ocop.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.ocop.events.common.AuthorityLevel;

class OcopRulesTest {

    private final OcopRules rules = OcopRules.load();

    @Test
    void theBundledTablesAreComplete() {
        assertThat(rules.criteriaSets()).extracting(OcopRules.CriteriaSetRule::code)
                .containsExactly("QD1048", "QD148", "QD26_2026");
        assertThat(rules.starThresholds()).hasSize(5);
        assertThat(rules.recognitionAuthority()).hasSize(4);
        assertThat(rules.revocationReasons()).hasSize(7);
        assertThat(rules.productGroupTaxonomies()).extracting(OcopRules.Taxonomy::code)
                .containsExactly("TAX2018", "TAX2021");
        assertThat(rules.certificate().validityMonths()).isEqualTo(36);
        assertThat(rules.districtLevelAbolished()).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void decision148PutThreeStarRecognitionAtTheDistrict() {
        OcopRules.RecognitionAuthorityRule under148 = rules.recognitionAuthority().get(1);

        assertThat(under148.legalBasis()).isEqualTo("148/QĐ-TTg");
        assertThat(under148.stars()).containsEntry("3", AuthorityLevel.DISTRICT);
        assertThat(under148.period().covers(LocalDate.of(2024, 5, 10))).isTrue();
        assertThat(under148.period().covers(LocalDate.of(2025, 7, 6))).isFalse();
    }

    @Test
    void theFirstCriteriaSetAlsoCoversEarlierDates() {
        assertThat(rules.criteriaSets().get(0).period().covers(LocalDate.of(2019, 1, 1))).isTrue();
        assertThat(rules.criteriaSets().get(1).period().covers(LocalDate.of(2019, 1, 1))).isFalse();
    }
}
