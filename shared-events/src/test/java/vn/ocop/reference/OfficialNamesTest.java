package vn.ocop.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.support.FundingSource;
import vn.ocop.events.support.SupportKind;

class OfficialNamesTest {

    /** A stored code as it would leak into prose: an enum constant or a criteria set's code. */
    static final Pattern CODE = Pattern.compile("\\b(?:[A-Z]{2,}_[A-Z0-9_]+|COMMUNE|DISTRICT|PROVINCE|CENTRAL|QD\\d+)\\b");

    private final OfficialNames names = OfficialNames.bundled();
    private final OcopRules rules = OcopRules.load();

    @Test
    void everyStoredCodeOfTheRulesHasANameInBothLanguages() {
        List<String[]> wanted = new ArrayList<>();
        for (AuthorityLevel level : AuthorityLevel.values()) {
            wanted.add(new String[] {OfficialNames.LEVELS, level.name()});
            wanted.add(new String[] {OfficialNames.COUNCILS, level.name()});
        }
        for (FundingSource source : FundingSource.values()) {
            wanted.add(new String[] {OfficialNames.FUNDING_SOURCES, source.name()});
        }
        for (SupportKind kind : SupportKind.values()) {
            wanted.add(new String[] {OfficialNames.SUPPORT_KINDS, kind.name()});
        }
        rules.criteriaSets().forEach(set -> {
            wanted.add(new String[] {OfficialNames.DECISIONS, set.code()});
            wanted.add(new String[] {OfficialNames.DECISIONS, set.legalBasis()});
        });
        rules.recognitionAuthority().forEach(rule ->
                wanted.add(new String[] {OfficialNames.DECISIONS, rule.legalBasis()}));
        for (String step : List.of("ProductRecognized", "ProductUpgraded", "ProductReRecognized",
                "CertificateRevoked", "ReEvaluationDossierFiled")) {
            wanted.add(new String[] {OfficialNames.CERTIFICATE_STEPS, step});
        }
        rules.revocationReasons().forEach(reason ->
                wanted.add(new String[] {OfficialNames.REVOCATION_REASONS, reason.code()}));

        for (String[] entry : wanted) {
            assertThat(names.knows(entry[0], entry[1])).as(entry[0] + " " + entry[1]).isTrue();
            String vi = names.name(entry[0], entry[1], "vi");
            String en = names.name(entry[0], entry[1], "en");
            assertThat(vi).as(entry[1]).isNotBlank().doesNotContainPattern(CODE);
            assertThat(en).as(entry[1]).isNotBlank().doesNotContainPattern(CODE);
        }
    }

    @Test
    void levelsAndDecisionsReadAsOfficersWriteThem() {
        assertThat(names.level(AuthorityLevel.PROVINCE).vi()).isEqualTo("cấp tỉnh");
        assertThat(names.level(AuthorityLevel.DISTRICT).en()).isEqualTo("district level");
        assertThat(names.decision("QD148").vi()).isEqualTo("Quyết định 148/QĐ-TTg");
        assertThat(names.decision("26/2026/QĐ-TTg").en()).isEqualTo("Decision 26/2026/QĐ-TTg");
    }

    @Test
    void anUnknownCodeReadsAsItself() {
        assertThat(names.name(OfficialNames.SUPPORT_KINDS, "SOMETHING_NEW", "vi")).isEqualTo("SOMETHING_NEW");
        assertThat(names.decision("1392/QĐ-UBND").vi()).isEqualTo("Quyết định 1392/QĐ-UBND");
        assertThat(names.decision("1392/QĐ-UBND").en()).isEqualTo("Decision 1392/QĐ-UBND");
        assertThat(names.decision("the council's own minutes").vi()).isEqualTo("the council's own minutes");
    }
}
