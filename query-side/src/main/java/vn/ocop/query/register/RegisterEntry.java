package vn.ocop.query.register;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A product as the register shows it, at one version of the product. Built by {@link RegisterReducer}.
 *
 * @param stage             where the product stands in the cycle
 * @param stars             the stars of its latest certificate, or null before any
 * @param certificateStatus that certificate's status, or null before any
 * @param renewalNoticeOn   under 148/QĐ-TTg, the day the issuer is due to notify the subject; else null
 * @param reEvaluationWindowOpensOn  under 26/2026/QĐ-TTg, the re-evaluation window's first day; else null
 * @param reEvaluationWindowClosesOn and its last day
 * @param version           the sequence number of the product's last event applied
 */
public record RegisterEntry(
        String productId,
        String subjectId,
        String name,
        String taxonomyCode,
        String groupCode,
        String criteriaSetCode,
        String communeCode,
        LocalDate registeredOn,
        Stage stage,
        BigDecimal lastScore,
        Integer lastRating,
        Integer stars,
        String certificateId,
        String certificateDecisionNumber,
        LocalDate certificateDecidedOn,
        LocalDate certificateExpiresOn,
        CertificateStatus certificateStatus,
        LocalDate renewalNoticeOn,
        LocalDate reEvaluationWindowOpensOn,
        LocalDate reEvaluationWindowClosesOn,
        boolean keyProduct,
        boolean selectedForPromotion,
        boolean provincialLevel,
        boolean nominatedForFiveStars,
        long version) {

    /** A product's place in the cycle. */
    public enum Stage {
        IDEA_REGISTERED, IDEA_RETURNED, IDEA_ACCEPTED, PLAN_SUBMITTED, PLAN_REJECTED, PLAN_APPROVED, EVALUATED,
        RECOGNISED
    }

    /** The latest certificate's status; expiring is computed from the dates when read. */
    public enum CertificateStatus { VALID, AWAITING_RE_EVALUATION, EXPIRED, REVOKED }

    RegisterEntry with(Stage stage, long version) {
        return new RegisterEntry(productId, subjectId, name, taxonomyCode, groupCode, criteriaSetCode, communeCode,
                registeredOn, stage, lastScore, lastRating, stars, certificateId, certificateDecisionNumber,
                certificateDecidedOn, certificateExpiresOn, certificateStatus, renewalNoticeOn,
                reEvaluationWindowOpensOn, reEvaluationWindowClosesOn, keyProduct, selectedForPromotion,
                provincialLevel, nominatedForFiveStars, version);
    }
}
