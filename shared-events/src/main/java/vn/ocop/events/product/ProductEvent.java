package vn.ocop.events.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.common.Decision;

/**
 * Everything that can happen to an OCOP product. Decisions carry their business date; the moment an event
 * was recorded is the event's own timestamp.
 */
public sealed interface ProductEvent {

    String productId();

    /**
     * A subject registered a product idea (đăng ký ý tưởng sản phẩm), classified under the taxonomy in force.
     *
     * @param criteriaSetCode the product set (bộ sản phẩm) under taxonomies that have them; may be null
     */
    @Revision("1")
    record ProductIdeaRegistered(String productId, String subjectId, String name, String taxonomyCode,
                                 String groupCode, String criteriaSetCode, String communeCode, String description,
                                 LocalDate registeredOn) implements ProductEvent {
    }

    @Revision("1")
    record ProductIdeaAccepted(String productId, Decision decision) implements ProductEvent {
    }

    /** The idea was returned to the subject with the reasons; the product goes no further. */
    @Revision("1")
    record ProductIdeaReturned(String productId, Decision decision, List<String> reasons) implements ProductEvent {
    }

    @Revision("1")
    record BusinessPlanSubmitted(String productId, LocalDate submittedOn, String title, String summary)
            implements ProductEvent {
    }

    @Revision("1")
    record BusinessPlanApproved(String productId, Decision decision) implements ProductEvent {
    }

    /** The plan was rejected; the subject may submit a revised plan. */
    @Revision("1")
    record BusinessPlanRejected(String productId, Decision decision, List<String> reasons) implements ProductEvent {
    }

    /**
     * A council evaluated the product (đánh giá, phân hạng).
     *
     * @param score            the mean of the members' totals, truncated to two decimals
     * @param scoreBand        the stars the score alone earns
     * @param minimumsMetUpTo  the highest star level whose mandatory minimums the product meets
     * @param stars            the rating: the lower of the two; null when the dossier was disqualified
     * @param disqualification why the dossier was disqualified (no rating), or null: a {@link Disqualification}
     *                         code, or the council's own words in evaluations recorded before the codes
     * @param officialProductCode the code on the scoring sheet (province-commune-sequence-year); an attribute,
     *                         never the product's identity
     * @param productSetCode   the product set whose scoring sheet the members filled ("1" to "26"); null when the
     *                         council recorded part totals
     * @param memberSheets     every member's answers, from which {@code memberScores}, the score, the band and
     *                         {@code minimumsMetUpTo} were derived; null when the council recorded part totals
     * @param minimumsNotMet   per criterion whose council answer falls short of a mandatory minimum, the lowest
     *                         star level it bars; empty when every minimum is met, null without sheets
     * @param disqualificationNote the council's words beside a disqualification code, or null
     */
    @Revision("1")
    record ProductEvaluated(String productId, String evaluationId, EvaluationKind kind, AuthorityLevel level,
                            String round, LocalDate evaluatedOn, LocalDate dossierFiledOn, String criteriaSetCode,
                            List<MemberScore> memberScores, BigDecimal score, int scoreBand, int minimumsMetUpTo,
                            Integer stars, String disqualification, String officialProductCode,
                            String productSetCode, List<MemberSheet> memberSheets,
                            List<MinimumNotMet> minimumsNotMet, String disqualificationNote)
            implements ProductEvent {

        /** An evaluation recorded with part totals, as every evaluation was before the scoring sheets. */
        public ProductEvaluated(String productId, String evaluationId, EvaluationKind kind, AuthorityLevel level,
                                String round, LocalDate evaluatedOn, LocalDate dossierFiledOn, String criteriaSetCode,
                                List<MemberScore> memberScores, BigDecimal score, int scoreBand, int minimumsMetUpTo,
                                Integer stars, String disqualification, String officialProductCode) {
            this(productId, evaluationId, kind, level, round, evaluatedOn, dossierFiledOn, criteriaSetCode,
                    memberScores, score, scoreBand, minimumsMetUpTo, stars, disqualification, officialProductCode,
                    null, null, null, null);
        }
    }

    /** An evaluation's result was forwarded to the next level's council. */
    @Revision("1")
    record ProductForwarded(String productId, String evaluationId, AuthorityLevel from, AuthorityLevel to,
                            LocalDate forwardedOn) implements ProductEvent {
    }

    /** The province proposed the product for national 5-star evaluation ("potential 5★"). */
    @Revision("1")
    record ProductNominatedForNationalFiveStars(String productId, String evaluationId, Decision decision)
            implements ProductEvent {
    }

    /** First recognition: a certificate is issued (công nhận), valid until {@code expiresOn} (exclusive). */
    @Revision("1")
    record ProductRecognized(String productId, String certificateId, int stars, Decision decision,
                             String evaluationId, LocalDate expiresOn, RenewalTerms renewal)
            implements ProductEvent {
    }

    /** Recognised at more stars (nâng hạng): the new certificate supersedes the previous one. */
    @Revision("1")
    record ProductUpgraded(String productId, String certificateId, String previousCertificateId, int previousStars,
                           int stars, Decision decision, String evaluationId, LocalDate expiresOn,
                           RenewalTerms renewal) implements ProductEvent {
    }

    /** Recognised again after re-evaluation (công nhận lại): a new certificate replaces the previous one. */
    @Revision("1")
    record ProductReRecognized(String productId, String certificateId, String previousCertificateId, int stars,
                               Decision decision, String evaluationId, LocalDate expiresOn, RenewalTerms renewal)
            implements ProductEvent {
    }

    /** Under 148/QĐ-TTg: the day the issuer is due to notify the subject that the certificate will expire. */
    @Revision("1")
    record RenewalNoticeDue(String productId, String certificateId, LocalDate dueOn, LocalDate expiresOn)
            implements ProductEvent {
    }

    /** Under 26/2026/QĐ-TTg: the subject may now file for re-evaluation. */
    @Revision("1")
    record ReEvaluationWindowOpened(String productId, String certificateId, LocalDate opensOn, LocalDate closesOn)
            implements ProductEvent {
    }

    @Revision("1")
    record ReEvaluationWindowClosed(String productId, String certificateId, LocalDate closedOn)
            implements ProductEvent {
    }

    /** The subject filed its re-evaluation dossier for the certificate. */
    @Revision("1")
    record ReEvaluationDossierFiled(String productId, String certificateId, LocalDate filedOn)
            implements ProductEvent {
    }

    /** The certificate reached its expiry while its re-evaluation was pending: valid at most until the date. */
    @Revision("1")
    record CertificateExpiryDeferred(String productId, String certificateId, LocalDate expiresOn,
                                     LocalDate validAtMostUntil) implements ProductEvent {
    }

    /** The certificate lapsed: the product no longer counts as a valid OCOP product. */
    @Revision("1")
    record CertificateExpired(String productId, String certificateId, LocalDate expiredOn) implements ProductEvent {
    }

    /**
     * A lapse recorded earlier no longer holds: a step dated before it ({@code supersededBy}, the step's event
     * type, on {@code stepOn}) was recorded later and, judged on its own date, changes the outcome — a
     * re-recognition, upgrade or revocation decided while the certificate was in force, or a re-evaluation
     * dossier filed in time under rules that keep the certificate valid until its decision. The certificate
     * stands as it was before the lapse; the superseding step follows in the same commit. It takes effect on the
     * step's date ({@code stepOn}, its first date, as the audit reads an event's business date).
     */
    @Revision("1")
    record CertificateExpirySuperseded(String productId, String certificateId, LocalDate stepOn,
                                       String supersededBy, LocalDate expiredOn) implements ProductEvent {
    }

    /** The certificate was revoked (thu hồi) for good, for a reason of the revocation table. */
    @Revision("1")
    record CertificateRevoked(String productId, String certificateId, String reasonCode, Decision decision,
                              LocalDate concludedOn) implements ProductEvent {
    }

    /** Kon Tum's plan: selected for investment to reach provincial-level criteria. */
    @Revision("1")
    record ProductSelectedForProvincialPromotion(String productId, Decision decision) implements ProductEvent {
    }

    /** A product selected for promotion was recognised at 4 stars or more by the province. */
    @Revision("1")
    record ProductReachedProvincialLevel(String productId, String certificateId, int stars, LocalDate reachedOn)
            implements ProductEvent {
    }

    /** Designated a key product (sản phẩm chủ lực). */
    @Revision("1")
    record ProductDesignatedKey(String productId, Decision decision) implements ProductEvent {
    }
}
