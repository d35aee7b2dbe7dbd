package vn.ocop.infra.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/**
 * A client loading history states the decision an evaluation was scored under; one that cannot apply on the
 * dates is refused naming the rule, and the evaluations read back say which decision each was scored under.
 */
class ScoredUnderApiTest extends ServiceTest {

    private static String stating(String body, String decision) {
        return body.replaceFirst("\\{", "{\"scoredUnder\": \"" + decision + "\", ");
    }

    @Test
    void aStatedDecisionMustBeTheOneTheDatesGiveAndTheReadsNameIt() {
        Api api = new Api(url(""));
        String product = api.approvedProduct(api.registerSubject(), "2025-01-10");
        String evaluation = Api.evaluation("FIRST", "PROVINCE", "2025-08-01", "35/20/25", "35/20/25");

        Http.Response unamended = api.post("/api/products/" + product + "/evaluations", stating(evaluation, "QD148"));
        assertThat(unamended.status()).as(unamended.body()).isEqualTo(422);
        assertThat(unamended.json().get("type").asText()).isEqualTo("urn:ocop:problem:scored-under-not-applicable");
        assertThat(unamended.json().get("detailVi").asText())
                .contains("Quyết định 148/QĐ-TTg, sửa đổi bởi Quyết định 1489/QĐ-TTg").doesNotContain("QD148");

        String id = api.accepted("/api/products/" + product + "/evaluations", stating(evaluation, "QD148_1489"))
                .get("createdId").asText();
        JsonNode row = await().atMost(Duration.ofSeconds(20)).until(
                () -> Http.get(url("/api/evaluations?productId=" + product)).json().at("/items/0"),
                found -> found.has("evaluationId"));
        assertThat(row.get("evaluationId").asText()).isEqualTo(id);
        assertThat(row.get("scoredUnder").asText()).isEqualTo("QD148_1489");
        assertThat(row.get("criteriaSetCode").asText()).as("the deprecated alias").isEqualTo("QD148");
    }
}
