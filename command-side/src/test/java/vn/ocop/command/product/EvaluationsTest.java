package vn.ocop.command.product;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.command.product.ProductHistory.PRODUCT;
import static vn.ocop.command.product.ProductHistory.evaluated;
import static vn.ocop.command.product.ProductHistory.on;
import static vn.ocop.events.common.AuthorityLevel.CENTRAL;
import static vn.ocop.events.common.AuthorityLevel.DISTRICT;
import static vn.ocop.events.common.AuthorityLevel.PROVINCE;
import static vn.ocop.events.product.EvaluationKind.FIRST;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.ProductEvent.ProductEvaluated;
import vn.ocop.events.product.ProductEvent.ProductForwarded;

/** The councils' record on its own: which evaluation may ground which later step. */
class EvaluationsTest {

    private static String problemOf(Supplier<?> step) {
        try {
            step.get();
        } catch (DomainRuleViolation refused) {
            return refused.problemType();
        }
        return "accepted";
    }

    private static Evaluations with(ProductEvaluated... events) {
        Evaluations evaluations = new Evaluations();
        for (ProductEvaluated event : events) {
            evaluations.noted(event);
        }
        return evaluations;
    }

    private static ProductEvaluated disqualified(String id) {
        ProductEvaluated rated = evaluated(id, FIRST, PROVINCE, "2024-05-01", "80", 4);
        return new ProductEvaluated(rated.productId(), id, rated.kind(), rated.level(), rated.round(),
                rated.evaluatedOn(), rated.dossierFiledOn(), rated.criteriaSetCode(), rated.memberScores(),
                rated.score(), rated.scoreBand(), rated.minimumsMetUpTo(), null, "FORGED_DOCUMENTS", null);
    }

    @Test
    void anEvaluationIsRecordedOnceUnderItsIdentifier() {
        Evaluations evaluations = with(evaluated("e-1", FIRST, DISTRICT, "2024-05-01", "72", 4));
        assertThat(problemOf(() -> {
            evaluations.requireNew("e-1");
            return null;
        })).isEqualTo("evaluation-already-recorded");
        assertThat(problemOf(() -> {
            evaluations.requireNew("e-2");
            return null;
        })).isEqualTo("accepted");
    }

    @Test
    void onlyARecordedRatedEvaluationGroundsALaterStep() {
        Evaluations evaluations = with(evaluated("e-1", FIRST, PROVINCE, "2024-05-01", "80", 4), disqualified("e-x"));
        assertThat(evaluations.rated("e-1").stars()).isEqualTo(4);
        assertThat(problemOf(() -> evaluations.rated("e-x"))).isEqualTo("evaluation-disqualified");
        assertThat(problemOf(() -> evaluations.rated("e-unknown"))).isEqualTo("unknown-evaluation");
    }

    @ParameterizedTest(name = "{0} council rated {1}★, recognised by {2} → {3}")
    @CsvSource({
            "PROVINCE, 4, PROVINCE, accepted",
            "DISTRICT, 3, DISTRICT, accepted",
            "DISTRICT, 4, PROVINCE, wrong-authority-level",
            "PROVINCE, 3, DISTRICT, wrong-authority-level",
            "CENTRAL, 4, PROVINCE, accepted",
            "CENTRAL, 5, PROVINCE, wrong-authority-level",
            "CENTRAL, 5, CENTRAL, accepted"})
    void aRecognitionRestsOnTheRecognisingLevelsOwnCouncil(AuthorityLevel council, int stars,
                                                         AuthorityLevel recogniser, String outcome) {
        String total = stars == 5 ? "92" : stars == 4 ? "80" : "60";
        Evaluations evaluations = with(evaluated("e-1", FIRST, council, "2024-05-01", total, stars));
        assertThat(problemOf(() -> {
            evaluations.unusedForRecognition("e-1").requireCouncilOf(recogniser);
            return null;
        })).isEqualTo(outcome);
    }

    @Test
    void anEvaluationGroundsOneCertificateOnly() {
        Evaluations evaluations = with(evaluated("e-1", FIRST, PROVINCE, "2024-05-01", "80", 4));
        evaluations.notedUsedFor("e-1");
        assertThat(problemOf(() -> evaluations.unusedForRecognition("e-1")))
                .isEqualTo("evaluation-already-used");
    }

    @Test
    void itRemembersTheLatestForwardingToTheProvinceOnly() {
        Evaluations evaluations = with(evaluated("e-1", FIRST, DISTRICT, "2023-05-01", "75", 4));
        assertThat(evaluations.forwardedToProvinceOn()).isNull();
        evaluations.noted(new ProductForwarded(PRODUCT, "e-1", DISTRICT, PROVINCE, on("2023-05-10")));
        evaluations.noted(new ProductForwarded(PRODUCT, "e-1", PROVINCE, CENTRAL, on("2023-07-10")));
        assertThat(evaluations.forwardedToProvinceOn()).isEqualTo(on("2023-05-10"));
        evaluations.noted(new ProductForwarded(PRODUCT, "e-1", DISTRICT, PROVINCE, on("2023-06-01")));
        assertThat(evaluations.forwardedToProvinceOn()).isEqualTo(on("2023-06-01"));
    }
}
