package vn.ocop.query.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.ocop.events.product.ProductEvent;
import vn.ocop.events.product.ProductEvent.CertificateExpired;
import vn.ocop.events.product.ProductEvent.CertificateExpirySuperseded;
import vn.ocop.events.product.ProductEvent.CertificateRevoked;
import vn.ocop.events.product.ProductEvent.ProductIdeaRegistered;
import vn.ocop.events.product.ProductEvent.ProductIdeaReturned;
import vn.ocop.events.product.ProductEvent.ProductReRecognized;
import vn.ocop.events.product.ProductEvent.ProductRecognized;
import vn.ocop.events.product.ProductEvent.ProductUpgraded;

/**
 * One product's certificate history by business date, built by folding its events (a plain reducer): each
 * recognition, upgrade, re-recognition, expiry and revocation with its date, stars and reason. A lapse that a
 * step recorded later superseded is no step of the history.
 */
final class CertificateTimeline {

    enum Kind { RECOGNITION, UPGRADE, RE_RECOGNITION, EXPIRY, REVOCATION }

    /** One step; {@code stars} is the certificate's after the step, {@code reason} a revocation's. */
    record Step(Kind kind, LocalDate on, int stars, String reason) {
    }

    private String groupCode;
    private String communeCode;
    private LocalDate registeredOn;
    private LocalDate returnedOn;
    private final List<Step> steps = new ArrayList<>();

    /** Folds one more of the product's events in. */
    CertificateTimeline apply(ProductEvent event) {
        if (event instanceof ProductIdeaRegistered registered) {
            groupCode = registered.groupCode();
            communeCode = registered.communeCode();
            registeredOn = registered.registeredOn();
        } else if (event instanceof ProductIdeaReturned returned) {
            returnedOn = returned.decision().date();
        } else if (event instanceof ProductRecognized recognized) {
            add(new Step(Kind.RECOGNITION, recognized.decision().date(), recognized.stars(), null));
        } else if (event instanceof ProductUpgraded upgraded) {
            add(new Step(Kind.UPGRADE, upgraded.decision().date(), upgraded.stars(), null));
        } else if (event instanceof ProductReRecognized renewed) {
            add(new Step(Kind.RE_RECOGNITION, renewed.decision().date(), renewed.stars(), null));
        } else if (event instanceof CertificateExpired expired) {
            add(new Step(Kind.EXPIRY, expired.expiredOn(), lastStars(), null));
        } else if (event instanceof CertificateExpirySuperseded superseded) {
            steps.removeIf(step -> step.kind() == Kind.EXPIRY && step.on().equals(superseded.expiredOn()));
        } else if (event instanceof CertificateRevoked revoked) {
            add(new Step(Kind.REVOCATION, revoked.decision().date(), lastStars(), revoked.reasonCode()));
        }
        return this;
    }

    /** Whether the product's idea was registered by {@code day} and not returned by then. */
    boolean registeredAt(LocalDate day) {
        return registeredOn != null && !registeredOn.isAfter(day) && (returnedOn == null || returnedOn.isAfter(day));
    }

    /** The commune the product was registered in (a product keeps the unit it named). */
    String communeCode() {
        return communeCode;
    }

    String groupCode() {
        return groupCode;
    }

    List<Step> steps() {
        return steps;
    }

    /** The stars of the certificate in force at the end of {@code day}, or 0 when none is. */
    int starsInForceAt(LocalDate day) {
        int stars = 0;
        for (Step step : steps) {
            if (step.on().isAfter(day)) {
                break;
            }
            stars = switch (step.kind()) {
                case RECOGNITION, UPGRADE, RE_RECOGNITION -> step.stars();
                case EXPIRY, REVOCATION -> 0;
            };
        }
        return stars;
    }

    /** Steps stay in business-date order, also when one was recorded after a later-dated one. */
    private void add(Step step) {
        int at = steps.size();
        while (at > 0 && steps.get(at - 1).on().isAfter(step.on())) {
            at--;
        }
        steps.add(at, step);
    }

    private int lastStars() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).stars();
    }
}
