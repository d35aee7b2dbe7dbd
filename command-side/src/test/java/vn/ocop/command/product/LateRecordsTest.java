package vn.ocop.command.product;

import static vn.ocop.command.product.ProductHistory.PRODUCT;
import static vn.ocop.command.product.ProductHistory.RULES;
import static vn.ocop.command.product.ProductHistory.approvedProduct;
import static vn.ocop.command.product.ProductHistory.decision;
import static vn.ocop.command.product.ProductHistory.evaluated;
import static vn.ocop.command.product.ProductHistory.on;
import static vn.ocop.command.product.ProductHistory.recognized;
import static vn.ocop.command.product.ProductHistory.scoring;
import static vn.ocop.events.common.AuthorityLevel.PROVINCE;
import static vn.ocop.events.product.EvaluationKind.FIRST;
import static vn.ocop.events.product.EvaluationKind.RE_EVALUATION;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.axonframework.test.matchers.Matchers;
import vn.ocop.command.common.BrokenRule;
import vn.ocop.command.product.ProductCommands.FileReEvaluationDossierCommand;
import vn.ocop.command.product.ProductCommands.RecognizeProductCommand;
import vn.ocop.command.product.ProductCommands.RecordEvaluationCommand;
import vn.ocop.command.product.ProductCommands.RevokeCertificateCommand;
import vn.ocop.command.rulebook.CertificateTerms;
import vn.ocop.events.product.ProductEvent;
import vn.ocop.events.product.ProductEvent.CertificateExpired;
import vn.ocop.events.product.ProductEvent.CertificateExpiryDeferred;
import vn.ocop.events.product.ProductEvent.CertificateExpirySuperseded;
import vn.ocop.events.product.ProductEvent.CertificateRevoked;
import vn.ocop.events.product.ProductEvent.ProductEvaluated;
import vn.ocop.events.product.ProductEvent.ProductReRecognized;
import vn.ocop.events.product.ProductEvent.ReEvaluationDossierFiled;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowClosed;
import vn.ocop.events.product.ProductEvent.ReEvaluationWindowOpened;

/**
 * A province's past loaded late: the scheduler has already recorded a certificate's lapse when a step dated
 * before it arrives. Each step is judged on the certificate's state on the step's own date, and a step that
 * changes the outcome supersedes the recorded lapse.
 */
class LateRecordsTest {

    private final AggregateTestFixture<Product> fixture = ProductHistory.fixture();

    /** Recognised 2022-05-10 under 148: expires 2025-05-10, notice only, no grace; the lapse already recorded. */
    private static ProductEvent[] lapsedUnder148(ProductEvent... more) {
        List<ProductEvent> events = approvedProduct("2022-01-10");
        events.add(evaluated("e-1", FIRST, PROVINCE, "2022-05-01", "75", 4));
        events.add(recognized("c-1", 4, PROVINCE, "2022-05-10", "e-1"));
        events.add(new CertificateExpired(PRODUCT, "c-1", on("2025-05-10")));
        events.addAll(List.of(more));
        return events.toArray(ProductEvent[]::new);
    }

    @Test
    void aReEvaluationDatedBeforeTheRecordedLapseIsRecorded() {
        fixture.given(lapsedUnder148())
                .when(new RecordEvaluationCommand(PRODUCT, null, "e-2", RE_EVALUATION, PROVINCE, "1", on("2025-04-10"),
                        on("2025-03-01"), scoring("72"), 5, null, null, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.instanceOf(ProductEvaluated.class), Matchers.andNoMore())));
    }

    @Test
    void aReRecognitionDatedBeforeTheRecordedLapseSupersedesIt() {
        CertificateTerms terms = RULES.certificateTerms(on("2025-04-20"));
        fixture.given(lapsedUnder148(evaluated("e-2", RE_EVALUATION, PROVINCE, "2025-04-10", "72", 4)))
                .when(new RecognizeProductCommand(PRODUCT, null, "c-2", "e-2", 4, decision(PROVINCE, "2025-04-20")))
                .expectEvents(new CertificateExpirySuperseded(PRODUCT, "c-1", on("2025-04-20"), "ProductReRecognized",
                                on("2025-05-10")),
                        new ProductReRecognized(PRODUCT, "c-2", "c-1", 4, decision(PROVINCE, "2025-04-20"), "e-2",
                                terms.expiresOn(), terms.renewal()));
    }

    @Test
    void aReRecognitionDatedAfterTheExpiryIsRefused() {
        fixture.given(lapsedUnder148(evaluated("e-2", RE_EVALUATION, PROVINCE, "2025-04-10", "72", 4)))
                .when(new RecognizeProductCommand(PRODUCT, null, "c-2", "e-2", 4, decision(PROVINCE, "2025-05-10")))
                .expectException(BrokenRule.named("no-certificate-in-force"));
    }

    @Test
    void aRevocationDecidedBeforeTheRecordedLapseSupersedesIt() {
        fixture.given(lapsedUnder148())
                .when(new RevokeCertificateCommand(PRODUCT, null, "LEGAL_BREACH", on("2025-04-01"),
                        decision(PROVINCE, "2025-04-10")))
                .expectEvents(new CertificateExpirySuperseded(PRODUCT, "c-1", on("2025-04-10"), "CertificateRevoked",
                                on("2025-05-10")),
                        new CertificateRevoked(PRODUCT, "c-1", "LEGAL_BREACH", decision(PROVINCE, "2025-04-10"),
                                on("2025-04-01")));
    }

    @Test
    void underRulesWithoutAGraceADossierRecordedLateLeavesTheLapse() {
        fixture.given(lapsedUnder148())
                .when(new FileReEvaluationDossierCommand(PRODUCT, null, on("2025-04-01")))
                .expectEvents(new ReEvaluationDossierFiled(PRODUCT, "c-1", on("2025-04-01")));
    }

    @Test
    void aDossierFiledInTimeUnderRulesWithAGraceTurnsTheRecordedLapseIntoADeferral() {
        // Recognised 2023-12-01: expires 2026-12-01 under 26/2026, window 2026-06-04 to 2026-08-03, grace to 2027-05-30.
        List<ProductEvent> events = new ArrayList<>(approvedProduct("2023-06-10"));
        events.add(evaluated("e-1", FIRST, PROVINCE, "2023-11-01", "75", 4));
        events.add(recognized("c-1", 4, PROVINCE, "2023-12-01", "e-1"));
        events.add(new ReEvaluationWindowOpened(PRODUCT, "c-1", on("2026-06-04"), on("2026-08-03")));
        events.add(new ReEvaluationWindowClosed(PRODUCT, "c-1", on("2026-08-03")));
        events.add(new CertificateExpired(PRODUCT, "c-1", on("2026-12-01")));
        fixture.given(events.toArray(ProductEvent[]::new))
                .when(new FileReEvaluationDossierCommand(PRODUCT, null, on("2026-07-01")))
                .expectEvents(new CertificateExpirySuperseded(PRODUCT, "c-1", on("2026-07-01"),
                                "ReEvaluationDossierFiled", on("2026-12-01")),
                        new ReEvaluationDossierFiled(PRODUCT, "c-1", on("2026-07-01")),
                        new CertificateExpiryDeferred(PRODUCT, "c-1", on("2026-12-01"), on("2027-05-30")));
    }
}
