package vn.ocop.command.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.rulebook.CertificateTerms;
import vn.ocop.command.rulebook.Rulebook;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.ProductEvent.CertificateExpired;
import vn.ocop.events.product.ProductEvent.CertificateExpiryDeferred;
import vn.ocop.events.product.ProductEvent.CertificateExpirySuperseded;
import vn.ocop.events.product.ProductEvent.CertificateRevoked;
import vn.ocop.events.product.ProductEvent.ProductReRecognized;
import vn.ocop.events.product.ProductEvent.ReEvaluationDossierFiled;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowClosed;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowOpened;
import vn.ocop.events.product.ProductEvent.RenewalNoticeDue;

/** The certificate's life on its own: what each step would record, and what it refuses. */
class CertificateTest {

    private static final Rulebook RULES = Rulebook.bundled();
    private static final String PRODUCT = "p-1";

    /** Decided 2024-06-10 under 148: expires 2027-06-10, renewed under 26/2026 (window 180 to 120 days before). */
    private static Certificate under26of2026() {
        CertificateTerms terms = RULES.certificateTerms(LocalDate.parse("2024-06-10"));
        return new Certificate("c-1", 4, AuthorityLevel.PROVINCE, terms.expiresOn(), terms.renewal());
    }

    /** Decided 2022-06-01: expires 2025-06-01 under 148, which has a notice but no window and no grace. */
    private static Certificate under148() {
        CertificateTerms terms = RULES.certificateTerms(LocalDate.parse("2022-06-01"));
        return new Certificate("c-0", 4, AuthorityLevel.PROVINCE, terms.expiresOn(), terms.renewal());
    }

    private static String problemOf(Runnable step) {
        try {
            step.run();
        } catch (DomainRuleViolation refused) {
            return refused.problemType();
        }
        return "accepted";
    }

    @Nested
    class Milestones {

        @Test
        void theMilestonesDueByADateAreRecordedInDateOrder() {
            Certificate certificate = under26of2026();
            assertThat(certificate.milestonesDueBy(PRODUCT, LocalDate.parse("2027-03-01"))).containsExactly(
                    new ReEvaluationWindowOpened(PRODUCT, "c-1", LocalDate.parse("2026-12-12"),
                            LocalDate.parse("2027-02-10")),
                    new ReEvaluationWindowClosed(PRODUCT, "c-1", LocalDate.parse("2027-02-10")));
            assertThat(certificate.milestonesDueBy(PRODUCT, LocalDate.parse("2026-12-11"))).isEmpty();
        }

        @Test
        void aMilestoneRecordedOnceIsNotDueAgain() {
            Certificate certificate = under26of2026();
            certificate.notedMilestone(CertificateDeadline.WINDOW_OPENS);
            assertThat(certificate.milestonesDueBy(PRODUCT, LocalDate.parse("2027-03-01"))).containsExactly(
                    new ReEvaluationWindowClosed(PRODUCT, "c-1", LocalDate.parse("2027-02-10")));
        }

        @Test
        void aCertificateNoLongerInForceHasNoMilestones() {
            Certificate certificate = under148();
            assertThat(certificate.milestonesDueBy(PRODUCT, LocalDate.parse("2025-05-15"))).containsExactly(
                    new RenewalNoticeDue(PRODUCT, "c-0", LocalDate.parse("2025-05-02"), LocalDate.parse("2025-06-01")));
            certificate.notedRevoked();
            assertThat(certificate.milestonesDueBy(PRODUCT, LocalDate.parse("2025-05-15"))).isEmpty();
        }

        @Test
        void aDeadlineConcernsOnlyItsOwnCertificate() {
            Certificate certificate = under26of2026();
            assertThat(certificate.concerns(new CertificateDeadline("c-1", LocalDate.parse("2027-06-10")))).isTrue();
            assertThat(certificate.concerns(new CertificateDeadline("c-9", LocalDate.parse("2027-06-10")))).isFalse();
        }
    }

    @Nested
    class Dossier {

        @Test
        void aDossierIsFiledOnceWithinTheWindow() {
            Certificate certificate = under26of2026();
            assertThat(certificate.fileDossier(PRODUCT, LocalDate.parse("2027-01-05")))
                    .isEqualTo(new ReEvaluationDossierFiled(PRODUCT, "c-1", LocalDate.parse("2027-01-05")));
            certificate.notedDossierFiled();
            assertThat(problemOf(() -> certificate.fileDossier(PRODUCT, LocalDate.parse("2027-01-06"))))
                    .isEqualTo("dossier-already-filed");
        }

        @Test
        void aDossierOutsideTheWindowIsRefused() {
            Certificate certificate = under26of2026();
            assertThat(problemOf(() -> certificate.fileDossier(PRODUCT, LocalDate.parse("2026-12-11"))))
                    .isEqualTo("outside-re-evaluation-window");
            assertThat(problemOf(() -> certificate.fileDossier(PRODUCT, LocalDate.parse("2027-02-11"))))
                    .isEqualTo("outside-re-evaluation-window");
            assertThat(problemOf(() -> certificate.fileDossier(PRODUCT, LocalDate.parse("2027-02-10"))))
                    .isEqualTo("accepted");
        }

        @Test
        void withoutAWindowTheDossierComesBeforeExpiry() {
            Certificate certificate = under148();
            assertThat(problemOf(() -> certificate.fileDossier(PRODUCT, LocalDate.parse("2025-05-31"))))
                    .isEqualTo("accepted");
            assertThat(problemOf(() -> certificate.fileDossier(PRODUCT, LocalDate.parse("2025-06-01"))))
                    .as("on its expiry date the certificate is no longer in force").isEqualTo("no-certificate-in-force");
        }
    }

    @Nested
    class Expiry {

        @Test
        void withoutADossierTheCertificateLapsesAfterItsUnrecordedMilestones() {
            Certificate certificate = under26of2026();
            certificate.notedMilestone(CertificateDeadline.WINDOW_OPENS);
            assertThat(certificate.expiryDue(PRODUCT, LocalDate.parse("2027-06-10"))).containsExactly(
                    new ReEvaluationWindowClosed(PRODUCT, "c-1", LocalDate.parse("2027-02-10")),
                    new CertificateExpired(PRODUCT, "c-1", LocalDate.parse("2027-06-10")));
        }

        @Test
        void aFiledDossierUnderRulesWithAGraceDefersTheExpiryUntilTheDecision() {
            Certificate certificate = under26of2026();
            certificate.notedMilestone(CertificateDeadline.WINDOW_OPENS);
            certificate.notedMilestone(CertificateDeadline.WINDOW_CLOSES);
            certificate.notedDossierFiled();
            assertThat(certificate.expiryDue(PRODUCT, LocalDate.parse("2027-06-10"))).containsExactly(
                    new CertificateExpiryDeferred(PRODUCT, "c-1", LocalDate.parse("2027-06-10"),
                            LocalDate.parse("2027-12-07")));
            certificate.notedExpiryDeferred();
            assertThat(certificate.isInForce()).isTrue();
            assertThat(problemOf(() -> Certificate.requireValid(certificate, LocalDate.parse("2027-07-01"))))
                    .isEqualTo("certificate-awaiting-re-evaluation");
            assertThat(certificate.expiryDue(PRODUCT, LocalDate.parse("2027-06-10"))).as("once").isEmpty();
            assertThat(certificate.pendingExpiryDue(PRODUCT, LocalDate.parse("2027-12-07")))
                    .containsExactly(new CertificateExpired(PRODUCT, "c-1", LocalDate.parse("2027-12-07")));
        }

        @Test
        void underRulesWithoutAGraceAFiledDossierDoesNotKeepTheCertificate() {
            Certificate certificate = under148();
            certificate.notedMilestone(CertificateDeadline.RENEWAL_NOTICE);
            certificate.notedDossierFiled();
            assertThat(certificate.expiryDue(PRODUCT, LocalDate.parse("2025-06-01")))
                    .containsExactly(new CertificateExpired(PRODUCT, "c-0", LocalDate.parse("2025-06-01")));
        }

        @Test
        void anExpiredOrRevokedCertificateIsInForceNoMore() {
            Certificate expired = under148();
            expired.notedExpired(LocalDate.parse("2025-06-01"));
            Certificate revoked = under26of2026();
            revoked.notedRevoked();
            LocalDate later = LocalDate.parse("2025-08-01");
            for (Certificate certificate : new Certificate[] {expired, revoked}) {
                assertThat(problemOf(() -> Certificate.requireInForce(certificate, later)))
                        .isEqualTo("no-certificate-in-force");
                assertThat(problemOf(() -> Certificate.requireNoneInForce(certificate, later))).isEqualTo("accepted");
                assertThat(certificate.expiryDue(PRODUCT, LocalDate.parse("2027-06-10"))).isEmpty();
                assertThat(certificate.pendingExpiryDue(PRODUCT, LocalDate.parse("2027-12-07"))).isEmpty();
            }
            assertThat(problemOf(() -> Certificate.requireInForce(null, later))).isEqualTo("no-certificate-in-force");
            assertThat(problemOf(() -> Certificate.requireNoneInForce(under148(), LocalDate.parse("2024-01-01"))))
                    .isEqualTo("certificate-in-force");
        }
    }

    /** A step is judged on the certificate's state on the step's own date, not on what has been recorded so far. */
    @Nested
    class OnTheStepsDate {

        private final LocalDate expiry148 = LocalDate.parse("2025-06-01");

        @Test
        void theDatesDecideBeforeTheSchedulerHasRecordedTheLapse() {
            Certificate certificate = under148();
            assertThat(problemOf(() -> Certificate.requireValid(certificate, expiry148.minusDays(1))))
                    .isEqualTo("accepted");
            assertThat(problemOf(() -> Certificate.requireInForce(certificate, expiry148)))
                    .as("in force until the day before expiry").isEqualTo("no-certificate-in-force");
            assertThat(problemOf(() -> Certificate.requireNoneInForce(certificate, expiry148))).isEqualTo("accepted");
        }

        @Test
        void aStepDatedBeforeARecordedLapseSupersedesIt() {
            Certificate certificate = under148();
            certificate.notedExpired(expiry148);
            LocalDate decidedOn = LocalDate.parse("2025-05-20");
            assertThat(problemOf(() -> Certificate.requireInForce(certificate, decidedOn))).isEqualTo("accepted");
            assertThat(certificate.lapseSupersededBy(PRODUCT, ProductReRecognized.class, decidedOn)).containsExactly(
                    new CertificateExpirySuperseded(PRODUCT, "c-0", decidedOn, "ProductReRecognized", expiry148));
            assertThat(certificate.lapseSupersededBy(PRODUCT, CertificateRevoked.class, decidedOn)).hasSize(1);
            assertThat(certificate.lapseSupersededBy(PRODUCT, ProductReRecognized.class, expiry148))
                    .as("dated on the lapse: the lapse stands").isEmpty();
            assertThat(under148().lapseSupersededBy(PRODUCT, ProductReRecognized.class, decidedOn))
                    .as("no lapse recorded").isEmpty();
        }

        @Test
        void aDossierFiledInTimeTurnsARecordedLapseIntoADeferral() {
            Certificate certificate = under26of2026();
            certificate.notedMilestone(CertificateDeadline.WINDOW_OPENS);
            certificate.notedMilestone(CertificateDeadline.WINDOW_CLOSES);
            certificate.notedExpired(LocalDate.parse("2027-06-10"));
            LocalDate filedOn = LocalDate.parse("2027-01-15");
            assertThat(certificate.fileDossier(PRODUCT, filedOn))
                    .isEqualTo(new ReEvaluationDossierFiled(PRODUCT, "c-1", filedOn));
            assertThat(certificate.lapseSupersededBy(PRODUCT, ReEvaluationDossierFiled.class, filedOn))
                    .containsExactly(new CertificateExpirySuperseded(PRODUCT, "c-1", filedOn,
                            "ReEvaluationDossierFiled", LocalDate.parse("2027-06-10")));
            certificate.notedLapseSuperseded();
            certificate.notedDossierFiled();
            assertThat(certificate.expiryDue(PRODUCT, LocalDate.parse("2027-06-10"))).containsExactly(
                    new CertificateExpiryDeferred(PRODUCT, "c-1", LocalDate.parse("2027-06-10"),
                            LocalDate.parse("2027-12-07")));
        }

        @Test
        void underRulesWithoutAGraceALateRecordedDossierLeavesTheLapse() {
            Certificate certificate = under148();
            certificate.notedExpired(expiry148);
            assertThat(certificate.lapseSupersededBy(PRODUCT, ReEvaluationDossierFiled.class,
                    LocalDate.parse("2025-05-01"))).isEmpty();
        }

        @Test
        void aDecisionWithinTheGraceSupersedesTheLapseAtItsEndAndTheCertificateAwaitsAgain() {
            Certificate certificate = under26of2026();
            certificate.notedDossierFiled();
            certificate.notedExpiryDeferred();
            certificate.notedExpired(LocalDate.parse("2027-12-07"));
            LocalDate decidedOn = LocalDate.parse("2027-09-01");
            assertThat(problemOf(() -> Certificate.requireInForce(certificate, decidedOn))).isEqualTo("accepted");
            assertThat(problemOf(() -> Certificate.requireInForce(certificate, LocalDate.parse("2027-12-07"))))
                    .isEqualTo("no-certificate-in-force");
            assertThat(certificate.lapseSupersededBy(PRODUCT, ProductReRecognized.class, decidedOn)).hasSize(1);
            certificate.notedLapseSuperseded();
            assertThat(certificate.status).isEqualTo(Certificate.Status.AWAITING_RE_EVALUATION);
            assertThat(certificate.pendingExpiryDue(PRODUCT, LocalDate.parse("2027-12-07"))).hasSize(1);
        }
    }
}
