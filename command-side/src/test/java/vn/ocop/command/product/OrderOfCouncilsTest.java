package vn.ocop.command.product;

import static vn.ocop.command.product.ProductHistory.PRODUCT;
import static vn.ocop.command.product.ProductHistory.approvedProduct;
import static vn.ocop.command.product.ProductHistory.evaluated;
import static vn.ocop.command.product.ProductHistory.on;
import static vn.ocop.command.product.ProductHistory.scoring;
import static vn.ocop.command.product.ProductHistory.sheets;
import static vn.ocop.events.common.AuthorityLevel.DISTRICT;
import static vn.ocop.events.common.AuthorityLevel.PROVINCE;
import static vn.ocop.events.product.EvaluationKind.FIRST;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ocop.command.common.BrokenRule;
import vn.ocop.command.product.ProductCommands.ForwardProductCommand;
import vn.ocop.command.product.ProductCommands.RecordEvaluationCommand;
import vn.ocop.events.product.ProductEvent;
import vn.ocop.events.product.ProductEvent.ProductForwarded;

/**
 * The order of councils under 1048 and 148: the province evaluates a product for the first time only after a
 * district council's evaluation of it was forwarded (at least 50 points under 1048, 70 under 148). Since the
 * district level ended, the province evaluates directly.
 */
class OrderOfCouncilsTest {

    private final AggregateTestFixture<Product> fixture = ProductHistory.fixture();

    private static RecordEvaluationCommand provincial(LocalDate on) {
        return on.isBefore(LocalDate.parse("2026-05-22"))
                ? new RecordEvaluationCommand(PRODUCT, null, "e-p", FIRST, PROVINCE, "1", on, null, scoring("80"), 5,
                        null, null, null)
                : RecordEvaluationCommand.withSheets(PRODUCT, null, "e-p", FIRST, PROVINCE, "1", on, null, null,
                        sheets(80));
    }

    @ParameterizedTest(name = "{0}: district scores {1} → forwarding {2}, then the province's first evaluation {3}")
    @CsvSource({
            "2021-03-01, 49, forwarding-threshold-not-met, no-forwarded-evaluation",
            "2021-03-01, 50, accepted, accepted",
            "2023-05-01, 69, forwarding-threshold-not-met, no-forwarded-evaluation",
            "2023-05-01, 70, accepted, accepted",
            "2025-06-01, 70, accepted, accepted"})
    void aDistrictEvaluationAtTheThresholdOfItsDateIsForwardedBeforeTheProvinceEvaluates(
            LocalDate districtOn, String score, String forwarding, String provincial) {
        List<ProductEvent> history = approvedProduct(districtOn.minusMonths(6).toString());
        history.add(evaluated("e-d", FIRST, DISTRICT, districtOn.toString(), score, Integer.parseInt(score) >= 70 ? 4 : 3));
        LocalDate forwardedOn = districtOn.plusDays(10);
        var forwarded = fixture.given(history.toArray(ProductEvent[]::new))
                .when(new ForwardProductCommand(PRODUCT, null, "e-d", PROVINCE, forwardedOn));
        if (forwarding.equals("accepted")) {
            forwarded.expectEvents(new ProductForwarded(PRODUCT, "e-d", DISTRICT, PROVINCE, forwardedOn));
            history.add(new ProductForwarded(PRODUCT, "e-d", DISTRICT, PROVINCE, forwardedOn));
        } else {
            forwarded.expectException(BrokenRule.named(forwarding));
        }
        var evaluated = fixture.given(history.toArray(ProductEvent[]::new))
                .when(provincial(forwardedOn.plusDays(20)));
        if (provincial.equals("accepted")) {
            evaluated.expectSuccessfulHandlerExecution();
        } else {
            evaluated.expectException(BrokenRule.named(provincial)).expectNoEvents();
        }
    }

    @ParameterizedTest(name = "province first evaluation on {0} with no district evaluation → {1}")
    @CsvSource({
            "2021-05-01, no-forwarded-evaluation",
            "2023-02-23, no-forwarded-evaluation",
            "2024-05-01, no-forwarded-evaluation",
            "2025-07-05, no-forwarded-evaluation",
            "2025-07-06, accepted",
            "2026-06-01, accepted"})
    void withoutAForwardedEvaluationTheProvinceEvaluatesFirstOnlyAfterTheDistrictLevelEnded(LocalDate on,
                                                                                          String outcome) {
        var result = fixture.given(approvedProduct(on.minusMonths(6).toString()).toArray(ProductEvent[]::new))
                .when(provincial(on));
        if (outcome.equals("accepted")) {
            result.expectSuccessfulHandlerExecution();
        } else {
            result.expectException(BrokenRule.named(outcome)).expectNoEvents();
        }
    }

    @Test
    void aDistrictCouncilEvaluatesFirstWithoutAnythingForwarded() {
        fixture.given(approvedProduct("2023-11-01").toArray(ProductEvent[]::new))
                .when(new RecordEvaluationCommand(PRODUCT, null, "e-d", FIRST, DISTRICT, "1", on("2024-05-01"), null,
                        scoring("72"), 5, null, null, null))
                .expectSuccessfulHandlerExecution();
    }
}
