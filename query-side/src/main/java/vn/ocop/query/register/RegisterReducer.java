package vn.ocop.query.register;

import java.time.LocalDate;
import vn.ocop.events.common.Decision;
import vn.ocop.events.product.ProductEvent;
import vn.ocop.events.product.RenewalTerms;
import vn.ocop.events.product.ProductEvent.BusinessPlanApproved;
import vn.ocop.events.product.ProductEvent.BusinessPlanRejected;
import vn.ocop.events.product.ProductEvent.BusinessPlanSubmitted;
import vn.ocop.events.product.ProductEvent.CertificateExpired;
import vn.ocop.events.product.ProductEvent.CertificateExpiryDeferred;
import vn.ocop.events.product.ProductEvent.CertificateExpirySuperseded;
import vn.ocop.events.product.ProductEvent.CertificateRevoked;
import vn.ocop.events.product.ProductEvent.ProductDesignatedKey;
import vn.ocop.events.product.ProductEvent.ProductEvaluated;
import vn.ocop.events.product.ProductEvent.ProductForwarded;
import vn.ocop.events.product.ProductEvent.ProductIdeaAccepted;
import vn.ocop.events.product.ProductEvent.ProductIdeaRegistered;
import vn.ocop.events.product.ProductEvent.ProductIdeaReturned;
import vn.ocop.events.product.ProductEvent.ProductNominatedForNationalFiveStars;
import vn.ocop.events.product.ProductEvent.ProductReRecognized;
import vn.ocop.events.product.ProductEvent.ProductReachedProvincialLevel;
import vn.ocop.events.product.ProductEvent.ProductRecognized;
import vn.ocop.events.product.ProductEvent.ProductSelectedForProvincialPromotion;
import vn.ocop.events.product.ProductEvent.ProductUpgraded;
import vn.ocop.events.product.ProductEvent.ReEvaluationDossierFiled;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowClosed;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowOpened;
import vn.ocop.events.product.ProductEvent.RenewalNoticeDue;
import vn.ocop.query.register.RegisterEntry.CertificateStatus;
import vn.ocop.query.register.RegisterEntry.Stage;

/**
 * The register's entry for a product after one more of its events: a plain function, so the live projection
 * and a replay "as of" a past moment compute the same thing.
 */
public final class RegisterReducer {

    private RegisterReducer() {
    }

    /** {@code current} is null before the product's first event. */
    public static RegisterEntry apply(RegisterEntry current, ProductEvent event, long sequence) {
        if (event instanceof ProductIdeaRegistered e) {
            return new RegisterEntry(e.productId(), e.subjectId(), e.name(), e.taxonomyCode(),
                    e.groupCode(), e.criteriaSetCode(), e.communeCode(), e.registeredOn(), Stage.IDEA_REGISTERED,
                    null, null, null, null, null, null, null, null, null, null, null, false, false, false, false,
                    sequence);
        } else if (event instanceof ProductIdeaAccepted e) {
            return current.with(Stage.IDEA_ACCEPTED, sequence);
        } else if (event instanceof ProductIdeaReturned e) {
            return current.with(Stage.IDEA_RETURNED, sequence);
        } else if (event instanceof BusinessPlanSubmitted e) {
            return current.with(Stage.PLAN_SUBMITTED, sequence);
        } else if (event instanceof BusinessPlanApproved e) {
            return current.with(Stage.PLAN_APPROVED, sequence);
        } else if (event instanceof BusinessPlanRejected e) {
            return current.with(Stage.PLAN_REJECTED, sequence);
        } else if (event instanceof ProductEvaluated e) {
            return evaluated(current, e, sequence);
        } else if (event instanceof ProductRecognized e) {
            return certified(current, e.certificateId(), e.stars(), e.decision(), e.expiresOn(), e.renewal(),
                    sequence);
        } else if (event instanceof ProductUpgraded e) {
            return certified(current, e.certificateId(), e.stars(), e.decision(), e.expiresOn(), e.renewal(),
                    sequence);
        } else if (event instanceof ProductReRecognized e) {
            return certified(current, e.certificateId(), e.stars(), e.decision(), e.expiresOn(), e.renewal(),
                    sequence);
        } else if (event instanceof CertificateExpiryDeferred e) {
            return certificateStatus(current, CertificateStatus.AWAITING_RE_EVALUATION,
                    sequence);
        } else if (event instanceof CertificateExpired e) {
            return certificateStatus(current, CertificateStatus.EXPIRED, sequence);
        } else if (event instanceof CertificateExpirySuperseded e) {
            // A lapse after the expiry date itself was the end of a deferral: the certificate awaits again.
            return certificateStatus(current, e.expiredOn().isAfter(current.certificateExpiresOn())
                    ? CertificateStatus.AWAITING_RE_EVALUATION : CertificateStatus.VALID, sequence);
        } else if (event instanceof CertificateRevoked e) {
            return certificateStatus(current, CertificateStatus.REVOKED, sequence);
        } else if (event instanceof ProductDesignatedKey e) {
            return flags(current, true, current.selectedForPromotion(),
                    current.provincialLevel(), current.nominatedForFiveStars(), sequence);
        } else if (event instanceof ProductSelectedForProvincialPromotion e) {
            return flags(current, current.keyProduct(), true,
                    current.provincialLevel(), current.nominatedForFiveStars(), sequence);
        } else if (event instanceof ProductReachedProvincialLevel e) {
            return flags(current, current.keyProduct(),
                    current.selectedForPromotion(), true, current.nominatedForFiveStars(), sequence);
        } else if (event instanceof ProductNominatedForNationalFiveStars e) {
            return flags(current, current.keyProduct(),
                    current.selectedForPromotion(), current.provincialLevel(), true, sequence);
        } else if (event instanceof ProductForwarded e) {
            return current.with(current.stage(), sequence);
        } else if (event instanceof RenewalNoticeDue e) {
            return current.with(current.stage(), sequence);
        } else if (event instanceof ReEvaluationWindowOpened e) {
            return current.with(current.stage(), sequence);
        } else if (event instanceof ReEvaluationWindowClosed e) {
            return current.with(current.stage(), sequence);
        } else if (event instanceof ReEvaluationDossierFiled e) {
            return current.with(current.stage(), sequence);
        }
        throw new IllegalArgumentException("the register does not know " + event.getClass().getName());
    }

    private static RegisterEntry evaluated(RegisterEntry c, ProductEvaluated e, long sequence) {
        Stage stage = c.stage() == Stage.RECOGNISED ? Stage.RECOGNISED : Stage.EVALUATED;
        return new RegisterEntry(c.productId(), c.subjectId(), c.name(), c.taxonomyCode(), c.groupCode(),
                c.criteriaSetCode(), c.communeCode(), c.registeredOn(), stage, e.score(), e.stars(), c.stars(),
                c.certificateId(), c.certificateDecisionNumber(), c.certificateDecidedOn(), c.certificateExpiresOn(),
                c.certificateStatus(), c.renewalNoticeOn(), c.reEvaluationWindowOpensOn(),
                c.reEvaluationWindowClosesOn(), c.keyProduct(), c.selectedForPromotion(), c.provincialLevel(),
                c.nominatedForFiveStars(), sequence);
    }

    private static RegisterEntry certified(RegisterEntry c, String certificateId, int stars, Decision decision,
                                           LocalDate expiresOn, RenewalTerms renewal, long sequence) {
        return new RegisterEntry(c.productId(), c.subjectId(), c.name(), c.taxonomyCode(), c.groupCode(),
                c.criteriaSetCode(), c.communeCode(), c.registeredOn(), Stage.RECOGNISED, c.lastScore(),
                c.lastRating(), stars, certificateId, decision.number(), decision.date(), expiresOn,
                CertificateStatus.VALID, renewal.noticeOn(), renewal.windowOpensOn(), renewal.windowClosesOn(),
                c.keyProduct(), c.selectedForPromotion(), c.provincialLevel(),
                c.nominatedForFiveStars(), sequence);
    }

    private static RegisterEntry certificateStatus(RegisterEntry c, CertificateStatus status, long sequence) {
        return new RegisterEntry(c.productId(), c.subjectId(), c.name(), c.taxonomyCode(), c.groupCode(),
                c.criteriaSetCode(), c.communeCode(), c.registeredOn(), c.stage(), c.lastScore(), c.lastRating(),
                c.stars(), c.certificateId(), c.certificateDecisionNumber(), c.certificateDecidedOn(),
                c.certificateExpiresOn(), status, c.renewalNoticeOn(), c.reEvaluationWindowOpensOn(),
                c.reEvaluationWindowClosesOn(), c.keyProduct(), c.selectedForPromotion(), c.provincialLevel(),
                c.nominatedForFiveStars(), sequence);
    }

    private static RegisterEntry flags(RegisterEntry c, boolean key, boolean selected, boolean provincial,
                                       boolean nominated, long sequence) {
        return new RegisterEntry(c.productId(), c.subjectId(), c.name(), c.taxonomyCode(), c.groupCode(),
                c.criteriaSetCode(), c.communeCode(), c.registeredOn(), c.stage(), c.lastScore(), c.lastRating(),
                c.stars(), c.certificateId(), c.certificateDecisionNumber(), c.certificateDecidedOn(),
                c.certificateExpiresOn(), c.certificateStatus(), c.renewalNoticeOn(), c.reEvaluationWindowOpensOn(),
                c.reEvaluationWindowClosesOn(), key, selected, provincial, nominated, sequence);
    }
}
