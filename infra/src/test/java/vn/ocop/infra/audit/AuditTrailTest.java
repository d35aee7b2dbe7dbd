package vn.ocop.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.ocop.infra.Api;
import vn.ocop.infra.TestAccounts;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/** The global history: every event with who, when (recorded and effective) and what, filtered and paged. */
class AuditTrailTest extends ServiceTest {

    @Test
    void theGlobalHistoryFiltersByRecordEventTypeUserAndTime() {
        Api api = new Api(url(""));
        Instant from = Instant.now();
        String subject = api.registerSubject();
        String product = api.approvedProduct(subject, "2024-01-10");
        Instant to = Instant.now().plusMillis(1);

        JsonNode ofProduct = Http.get(url("/api/audit/events?aggregateType=products&aggregateId=" + product)).json();
        assertThat(ofProduct.get("total").asLong()).isEqualTo(4);
        JsonNode registered = ofProduct.get("items").get(0);
        assertThat(registered.get("event").asText()).isEqualTo("ProductIdeaRegistered");
        assertThat(registered.get("aggregateType").asText()).isEqualTo("products");
        assertThat(registered.get("effectiveOn").asText()).isEqualTo("2024-01-10");
        assertThat(registered.get("recordedAt").asText()).isNotBlank();
        assertThat(registered.get("user").asText()).isEqualTo(TestAccounts.administrator().username());
        assertThat(ofProduct.get("items").get(1).get("effectiveOn").asText()).isEqualTo("2024-01-20");

        JsonNode ideas = Http.get(url("/api/audit/events?eventType=ProductIdeaAccepted&aggregateId=" + product)).json();
        assertThat(ideas.get("total").asLong()).isEqualTo(1);
        assertThat(ideas.at("/items/0/lineVi").asText()).contains("QĐ");

        String user = TestAccounts.administrator().username();
        JsonNode window = Http.get(url("/api/audit/events?user=" + user + "&from=" + from + "&to=" + to + "&size=2"))
                .json();
        assertThat(window.get("total").asLong()).isEqualTo(5);
        assertThat(window.get("items")).hasSize(2);
        JsonNode secondPage = Http.get(url("/api/audit/events?user=" + user + "&from=" + from + "&to=" + to
                + "&size=2&page=2")).json();
        assertThat(secondPage.at("/items/0/aggregateId").asText()).isEqualTo(product);
        assertThat(Http.get(url("/api/audit/events?user=somebody.else&aggregateId=" + product)).json()
                .get("total").asLong()).isZero();

        assertThat(Http.get(url("/api/audit/events?aggregateType=planets")).status()).isEqualTo(400);
        assertThat(Http.get(url("/api/audit/events?eventType=Product%25")).status()).isEqualTo(400);
    }
}
