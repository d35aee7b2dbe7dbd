package vn.ocop.command.product;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.ocop.command.common.ProblemType;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.ProductEvent;
import vn.ocop.events.product.ProductEvent.CertificateExpired;
import vn.ocop.events.product.ProductEvent.CertificateExpiryDeferred;
import vn.ocop.events.product.ProductEvent.CertificateExpirySuperseded;
import vn.ocop.events.product.ProductEvent.ReEvaluationDossierFiled;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowClosed;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowOpened;
import vn.ocop.events.product.ProductEvent.RenewalNoticeDue;
import vn.ocop.events.product.RenewalTerms;

/**
 * The life of the product's latest certificate: valid from its decision, its renewal milestones (notice,
 * re-evaluation window), the re-evaluation dossier, expiry or its deferral while a re-evaluation is pending,
 * revocation. The product asks it what a step would record and whether the step is allowed; it changes only
 * through the recorded events (its {@code noted…} methods, called from the product's event-sourcing handlers).
 * Its fields are part of the product's snapshot.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class Certificate {

    enum Status { VALID, AWAITING_RE_EVALUATION, EXPIRED, REVOKED }

    final String id;
    final int stars;
    final AuthorityLevel level;
    final LocalDate expiresOn;
    final RenewalTerms renewal;
    /** The status as recorded by the events; a step is judged on {@link #statusOn(LocalDate)} instead. */
    Status status = Status.VALID;
    boolean dossierFiled;
    /** The expiry was deferred while the re-evaluation is pending. */
    boolean deferred;
    /** The date of the lapse recorded, while one is recorded and not superseded. */
    LocalDate expiredOn;
    /** Deadlines already recorded as events, so that one firing twice records nothing twice. */
    final Set<String> firedDeadlines = new HashSet<>();

    @JsonCreator
    Certificate(@JsonProperty("id") String id, @JsonProperty("stars") int stars,
                @JsonProperty("level") AuthorityLevel level, @JsonProperty("expiresOn") LocalDate expiresOn,
                @JsonProperty("renewal") RenewalTerms renewal) {
        this.id = id;
        this.stars = stars;
        this.level = level;
        this.expiresOn = expiresOn;
        this.renewal = renewal;
    }

    /** As recorded: valid, or past expiry but still valid while its re-evaluation decision is pending. */
    boolean isInForce() {
        return status == Status.VALID || status == Status.AWAITING_RE_EVALUATION;
    }

    /**
     * The certificate's status on a business date, by its dates rather than by what the scheduler has recorded
     * so far: valid before its expiry; past expiry, still in force until its grace ends when a dossier was filed
     * under rules that keep it valid until the decision; expired after that. A revocation ends it for good (no
     * step is dated before a revocation, so its date need not be asked).
     */
    Status statusOn(LocalDate date) {
        if (status == Status.REVOKED) {
            return Status.REVOKED;
        }
        if (date.isBefore(expiresOn)) {
            return Status.VALID;
        }
        LocalDate graceUntil = renewal.pendingValidUntil();
        return dossierFiled && graceUntil != null && date.isBefore(graceUntil)
                ? Status.AWAITING_RE_EVALUATION : Status.EXPIRED;
    }

    boolean isInForceOn(LocalDate date) {
        Status on = statusOn(date);
        return on == Status.VALID || on == Status.AWAITING_RE_EVALUATION;
    }

    boolean hasReEvaluationWindow() {
        return renewal.windowOpensOn() != null;
    }

    // --- what the product's steps require of its certificate (null: the product has none) ---

    /** A first evaluation or recognition is for a product without a certificate in force on its date. */
    static void requireNoneInForce(Certificate certificate, LocalDate on) {
        if (certificate != null && certificate.isInForceOn(on)) {
            throw ProductRuleBroken.step(ProblemType.CERTIFICATE_IN_FORCE,
                    "The product already holds a certificate in force.",
                    "Sản phẩm đang có giấy chứng nhận còn hiệu lực.");
        }
    }

    /** A re-evaluation, a re-recognition and a revocation need a certificate in force on their date. */
    static Certificate requireInForce(Certificate certificate, LocalDate on) {
        if (certificate == null || !certificate.isInForceOn(on)) {
            throw ProductRuleBroken.step(ProblemType.NO_CERTIFICATE_IN_FORCE,
                    "The product holds no certificate in force (none, expired or revoked).",
                    "Sản phẩm không có giấy chứng nhận còn hiệu lực (chưa có, hết hạn hoặc đã bị thu hồi).");
        }
        return certificate;
    }

    /** An upgrade, a dossier and a selection for promotion need a certificate not past its expiry on their date. */
    static Certificate requireValid(Certificate certificate, LocalDate on) {
        requireInForce(certificate, on);
        if (certificate.statusOn(on) != Status.VALID) {
            throw ProductRuleBroken.step(ProblemType.CERTIFICATE_AWAITING_RE_EVALUATION,
                    "The certificate is past its expiry, awaiting its re-evaluation decision.",
                    "Giấy chứng nhận đã quá hạn, đang chờ quyết định đánh giá lại.");
        }
        return certificate;
    }

    // --- what a step would record ---

    /**
     * The subject files its re-evaluation dossier on {@code filedOn}: once, and within the window of the
     * certificate's renewal rules (or, where those rules have no window, before expiry).
     */
    ReEvaluationDossierFiled fileDossier(String productId, LocalDate filedOn) {
        requireValid(this, filedOn);
        requireNoDossierYet();
        boolean inWindow = hasReEvaluationWindow()
                ? !filedOn.isBefore(renewal.windowOpensOn()) && !filedOn.isAfter(renewal.windowClosesOn())
                : filedOn.isBefore(expiresOn);
        if (!inWindow) {
            throw ProductRuleBroken.step(ProblemType.OUTSIDE_RE_EVALUATION_WINDOW,
                    "The re-evaluation dossier is filed within the window the certificate's rules allow.",
                    "Hồ sơ đánh giá lại phải nộp trong thời hạn theo quy định.");
        }
        return new ReEvaluationDossierFiled(productId, id, filedOn);
    }

    /**
     * What a step dated {@code stepOn}, recorded after the certificate's lapse, does to that lapse. A lapse
     * recorded for a later date than a re-recognition, upgrade or revocation of the certificate did not
     * happen: the step ended the certificate first. A dossier filed in time, under rules that keep the
     * certificate valid until its decision, turns a lapse at expiry into a deferral. Empty when no lapse is
     * recorded, or when the step leaves it standing.
     *
     * @param step the superseding step's event type
     */
    List<ProductEvent> lapseSupersededBy(String productId, Class<? extends ProductEvent> step, LocalDate stepOn) {
        if (expiredOn == null) {
            return List.of();
        }
        boolean supersedes = step == ReEvaluationDossierFiled.class
                ? !deferred && renewal.pendingValidUntil() != null
                : stepOn.isBefore(expiredOn);
        return supersedes
                ? List.of(new CertificateExpirySuperseded(productId, id, stepOn, step.getSimpleName(), expiredOn))
                : List.of();
    }

    /** A certificate takes one re-evaluation dossier. */
    void requireNoDossierYet() {
        if (dossierFiled) {
            throw ProductRuleBroken.step(ProblemType.DOSSIER_ALREADY_FILED,
                    "The re-evaluation dossier has already been filed.", "Hồ sơ đánh giá lại đã được nộp.");
        }
    }

    /** A deadline counts only for the certificate it was scheduled for. */
    boolean concerns(CertificateDeadline deadline) {
        return id.equals(deadline.certificateId());
    }

    /**
     * The renewal milestones due by {@code date} and not yet recorded, in date order. The scheduler may run two
     * due deadlines in any order; the history still reads in the order of the dates, and a milestone's own
     * deadline arriving later finds it recorded and records nothing. None once the certificate is not in force.
     */
    List<ProductEvent> milestonesDueBy(String productId, LocalDate date) {
        List<ProductEvent> due = new ArrayList<>();
        if (!isInForce()) {
            return due;
        }
        if (isDue(renewal.noticeOn(), date, CertificateDeadline.RENEWAL_NOTICE)) {
            due.add(new RenewalNoticeDue(productId, id, renewal.noticeOn(), expiresOn));
        }
        if (isDue(renewal.windowOpensOn(), date, CertificateDeadline.WINDOW_OPENS)) {
            due.add(new ReEvaluationWindowOpened(productId, id, renewal.windowOpensOn(), renewal.windowClosesOn()));
        }
        if (isDue(renewal.windowClosesOn(), date, CertificateDeadline.WINDOW_CLOSES)) {
            due.add(new ReEvaluationWindowClosed(productId, id, renewal.windowClosesOn()));
        }
        return due;
    }

    /**
     * The certificate reaches its expiry on {@code dueOn}: the milestones still unrecorded, then its lapse — or,
     * when its dossier was filed under rules that keep it valid until the decision, its deferral to the grace's
     * end. Nothing when it is not valid by then (already awaiting, expired or revoked).
     */
    List<ProductEvent> expiryDue(String productId, LocalDate dueOn) {
        List<ProductEvent> due = new ArrayList<>();
        if (status != Status.VALID) {
            return due;
        }
        due.addAll(milestonesDueBy(productId, dueOn));
        LocalDate graceUntil = renewal.pendingValidUntil();
        due.add(dossierFiled && graceUntil != null
                ? new CertificateExpiryDeferred(productId, id, dueOn, graceUntil)
                : new CertificateExpired(productId, id, dueOn));
        return due;
    }

    /** The grace of a pending re-evaluation ends on {@code dueOn} with no decision: the certificate lapses. */
    List<ProductEvent> pendingExpiryDue(String productId, LocalDate dueOn) {
        return status == Status.AWAITING_RE_EVALUATION
                ? List.of(new CertificateExpired(productId, id, dueOn)) : List.of();
    }

    // --- what the recorded events change ---

    void notedMilestone(String deadline) {
        firedDeadlines.add(deadline);
    }

    void notedDossierFiled() {
        dossierFiled = true;
    }

    void notedExpiryDeferred() {
        status = Status.AWAITING_RE_EVALUATION;
        deferred = true;
        firedDeadlines.add(CertificateDeadline.EXPIRY);
    }

    void notedExpired(LocalDate on) {
        status = Status.EXPIRED;
        expiredOn = on;
        firedDeadlines.add(CertificateDeadline.EXPIRY);
        firedDeadlines.add(CertificateDeadline.PENDING_EXPIRY);
    }

    /** The recorded lapse is withdrawn: the certificate stands as before it, its expiry due again. */
    void notedLapseSuperseded() {
        expiredOn = null;
        status = deferred ? Status.AWAITING_RE_EVALUATION : Status.VALID;
        firedDeadlines.remove(CertificateDeadline.PENDING_EXPIRY);
        if (!deferred) {
            firedDeadlines.remove(CertificateDeadline.EXPIRY);
        }
    }

    void notedRevoked() {
        status = Status.REVOKED;
    }

    private boolean isDue(LocalDate milestone, LocalDate by, String name) {
        return milestone != null && !milestone.isAfter(by) && !firedDeadlines.contains(name);
    }
}
