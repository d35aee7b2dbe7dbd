package vn.ocop.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.ocop.events.common.AuthorityLevel;

/**
 * The OCOP rules that change with time (criteria sets, star bands, who recognises what, forwarding
 * thresholds, certificates, revocation reasons, product taxonomies), as published in
 * {@code vn/ocop/reference/ocop-rules.json}. Dates are inclusive; an open {@code validTo} is still in force.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OcopRules(
        List<CriteriaSetRule> criteriaSets,
        List<StarThreshold> starThresholds,
        List<RecognitionAuthorityRule> recognitionAuthority,
        List<ForwardingRule> forwarding,
        LocalDate districtLevelAbolished,
        CertificateRules certificate,
        List<RevocationReason> revocationReasons,
        List<Taxonomy> productGroupTaxonomies) {

    public static final String RESOURCE = "/vn/ocop/reference/ocop-rules.json";

    /** The bundled rules. */
    public static OcopRules load() {
        ObjectMapper json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        try (InputStream in = OcopRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + RESOURCE);
            }
            return json.readValue(in, OcopRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable reference data " + RESOURCE, e);
        }
    }

    /**
     * The decision an evaluation scored with criteria set {@code setCode} on {@code evaluatedOn} was scored
     * under, as a code ({@code QD1048}, {@code QD148}, {@code QD148_1489}, {@code QD26_2026}): the set's own
     * decision as amended on the day — the recognition table's legal basis in force on the evaluation date, or
     * on the set's last day for a transitional evaluation after it — whose numbers make the code.
     */
    public String scoredUnder(String setCode, LocalDate evaluatedOn) {
        CriteriaSetRule set = criteriaSets.stream().filter(rule -> rule.code().equals(setCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no criteria set " + setCode));
        LocalDate day = set.validTo() != null && evaluatedOn.isAfter(set.validTo()) ? set.validTo() : evaluatedOn;
        String legalBasis = recognitionAuthority.stream()
                .filter(rule -> rule.period().covers(day) && rule.legalBasis().startsWith(set.legalBasis()))
                .map(RecognitionAuthorityRule::legalBasis)
                .findFirst()
                .orElse(set.legalBasis());
        return decisionCode(legalBasis);
    }

    /** The code of a legal basis: {@code QD} and the numbers of its decisions, "148/QĐ-TTg as amended by 1489/QĐ-TTg" → QD148_1489. */
    public static String decisionCode(String legalBasis) {
        java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("\\d+").matcher(legalBasis);
        List<String> parts = new java.util.ArrayList<>();
        while (numbers.find()) {
            parts.add(numbers.group());
        }
        return "QD" + String.join("_", parts);
    }

    /** A criteria set (bộ tiêu chí) and the maxima of its three parts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CriteriaSetRule(String code, String legalBasis, LocalDate validFrom, LocalDate validTo,
                                  boolean appliesAlsoBefore, Map<String, Integer> partMaxima,
                                  TransitionalEvaluation transitionalEvaluation) {

        public Period period() {
            return new Period(appliesAlsoBefore ? null : validFrom, validTo);
        }
    }

    /**
     * A dossier filed before {@code dossiersFiledBefore} is still scored with {@code previousSet} when its
     * evaluation ends within {@code finishedWithinDays} (by evaluation kind) of the new set's first day.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TransitionalEvaluation(String previousSet, LocalDate dossiersFiledBefore,
                                         Map<String, Integer> finishedWithinDays) {
    }

    /** Scores from {@code minScore} up (to the next row) earn {@code stars}. */
    public record StarThreshold(int stars, int minScore) {
    }

    /** Which level recognises each star level in a period. Keys of {@code stars} are "3", "4", "5". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecognitionAuthorityRule(LocalDate validFrom, LocalDate validTo, String legalBasis,
                                           Map<String, AuthorityLevel> stars) {

        public Period period() {
            return new Period(validFrom, validTo);
        }
    }

    /** The least score with which a product is forwarded from one level's evaluation to the next. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ForwardingRule(LocalDate validFrom, LocalDate validTo, AuthorityLevel from, AuthorityLevel to,
                                 int minScore) {

        public Period period() {
            return new Period(validFrom, validTo);
        }
    }

    /** Certificate validity and the renewal regimes by period. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CertificateRules(int validityMonths, int maxValidPerProduct, List<RenewalRule> renewal,
                                   int revocationWithinDaysOfConclusion) {
    }

    /**
     * How a certificate is renewed in a period: by a notice from the issuer ({@code issuerNoticeDaysBeforeExpiry})
     * or by a re-evaluation window the subject files in, with a grace period for a pending decision.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RenewalRule(LocalDate validFrom, LocalDate validTo, String legalBasis,
                              Integer issuerNoticeDaysBeforeExpiry,
                              Integer reEvaluationWindowOpensDaysBeforeExpiry,
                              Integer reEvaluationWindowClosesDaysBeforeExpiry,
                              Integer reEvaluationDecisionWithinDays,
                              Integer pendingGraceDaysAfterExpiry) {

        public Period period() {
            return new Period(validFrom, validTo);
        }
    }

    /** A reason a certificate may be revoked for, with its Vietnamese and English wording. */
    public record RevocationReason(String code, String vi, String en) {
    }

    /** A product taxonomy: groups, their sub-groups (nhóm) and criteria sets (bộ sản phẩm). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Taxonomy(String code, String legalBasis, LocalDate validFrom, LocalDate validTo,
                           List<ProductGroup> groups) {

        public Period period() {
            return new Period(validFrom, validTo);
        }
    }

    /**
     * A product group; {@code nhom} is empty in taxonomies without sub-groups. {@code formerGroups} are the groups
     * of the taxonomy before whose products this group took over, so that a product registered then is judged
     * against this group's criteria sets.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductGroup(String code, String vi, String en, List<SubGroup> nhom, List<String> formerGroups) {

        public List<SubGroup> subGroups() {
            return nhom == null ? List.of() : nhom;
        }

        @Override
        public List<String> formerGroups() {
            return formerGroups == null ? List.of() : formerGroups;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubGroup(String code, String vi, String en, List<ProductSet> sets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductSet(String code, String vi, String en) {
    }
}
