package vn.ocop.command.product;

import static vn.ocop.command.product.ProductHistory.PRODUCT;
import static vn.ocop.command.product.ProductHistory.approvedProduct;
import static vn.ocop.command.product.ProductHistory.decision;
import static vn.ocop.command.product.ProductHistory.evaluated;
import static vn.ocop.command.product.ProductHistory.forwardedProduct;
import static vn.ocop.command.product.ProductHistory.ideaRegistered;
import static vn.ocop.command.product.ProductHistory.on;
import static vn.ocop.command.product.ProductHistory.scoring;
import static vn.ocop.events.common.AuthorityLevel.CENTRAL;
import static vn.ocop.events.common.AuthorityLevel.COMMUNE;
import static vn.ocop.events.common.AuthorityLevel.DISTRICT;
import static vn.ocop.events.common.AuthorityLevel.PROVINCE;
import static vn.ocop.events.product.EvaluationKind.FIRST;

import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ocop.command.common.BrokenRule;
import vn.ocop.command.common.Reach;
import vn.ocop.command.product.ProductCommands.DecideProductIdeaCommand;
import vn.ocop.command.product.ProductCommands.RecognizeProductCommand;
import vn.ocop.command.product.ProductCommands.RecordEvaluationCommand;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.ProductEvent;

/**
 * The level a decision or council is recorded at is bounded by the sender's account, whatever the body says:
 * a commune's account acts at commune level, a district's at district or commune level; a province's account
 * records any level, as long as the rule table says it existed on the date.
 */
class AccountLevelTest {

    private final AggregateTestFixture<Product> fixture = ProductHistory.fixture();

    private static Map<String, ?> as(String jurisdiction) {
        return Map.of(Reach.JURISDICTION, jurisdiction);
    }

    private static RecordEvaluationCommand evaluation(AuthorityLevel level, String date) {
        return new RecordEvaluationCommand(PRODUCT, null, "e-1", FIRST, level, "1", on(date), null, scoring("80"), 5,
                null, null, null);
    }

    @ParameterizedTest(name = "{0} records a {1} council: {2}")
    @CsvSource({
            "district:610, DISTRICT, accepted",
            "district:610, PROVINCE, level-above-account",
            "district:610, CENTRAL, level-above-account",
            "commune:23374, DISTRICT, level-above-account",
            "province:62, PROVINCE, accepted",
            "province:62, DISTRICT, accepted",
            "all, PROVINCE, accepted"})
    void aCouncilIsRecordedAtALevelTheAccountActsAt(String jurisdiction, AuthorityLevel level, String outcome) {
        var result = fixture.given(forwardedProduct("2024-01-10").toArray(ProductEvent[]::new))
                .when(evaluation(level, "2024-05-01"), as(jurisdiction));
        if (outcome.equals("accepted")) {
            result.expectSuccessfulHandlerExecution();
        } else {
            result.expectException(BrokenRule.named(outcome)).expectNoEvents();
        }
    }

    @Test
    void aDistrictsAccountRecordsNoProvincialRecognition() {
        List<ProductEvent> history = approvedProduct("2024-01-10");
        history.add(evaluated("e-1", FIRST, PROVINCE, "2024-05-01", "80", 4));
        fixture.given(history.toArray(ProductEvent[]::new))
                .when(new RecognizeProductCommand(PRODUCT, null, "c-1", "e-1", 4, decision(PROVINCE, "2024-06-01")),
                        as("district:610"))
                .expectException(BrokenRule.named("level-above-account"))
                .expectNoEvents();
    }

    @Test
    void aCommunesAccountDecidesAtCommuneLevelOnly() {
        fixture.given(ideaRegistered("2024-03-01"))
                .when(new DecideProductIdeaCommand(PRODUCT, null, true, decision(DISTRICT, "2024-03-10"), null),
                        as("commune:23374"))
                .expectException(BrokenRule.named("level-above-account"));
        fixture.given(ideaRegistered("2024-03-01"))
                .when(new DecideProductIdeaCommand(PRODUCT, null, true, decision(COMMUNE, "2024-03-10"), null),
                        as("commune:23374"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aProvincesAccountRecordsNoDistrictDecisionAfterTheDistrictLevelWasAbolished() {
        fixture.given(ideaRegistered("2025-06-01"))
                .when(new DecideProductIdeaCommand(PRODUCT, null, true, decision(DISTRICT, "2025-07-10"), null),
                        as("province:62"))
                .expectException(BrokenRule.named("authority-level-abolished"));
        fixture.given(ideaRegistered("2025-06-01"))
                .when(new DecideProductIdeaCommand(PRODUCT, null, true, decision(DISTRICT, "2025-06-20"), null),
                        as("province:62"))
                .expectSuccessfulHandlerExecution();
        fixture.given(approvedProduct("2024-01-10").toArray(ProductEvent[]::new))
                .when(evaluation(CENTRAL, "2024-05-01"), as("province:62"))
                .expectSuccessfulHandlerExecution();
    }
}
