package vn.ocop.infra.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/**
 * The register's two clocks: {@code asOf}, what was known at an instant, and {@code effectiveOn}, what was in effect
 * on a business date. A certificate recognised on 2024-06-01 is revoked by a decision of 2025-06-01 entered later:
 * each of the four combinations of "known then / now" and "in effect then / now" answers differently.
 */
class KnownAndEffectiveTest extends ServiceTest {

    @Test
    void aBackDatedRevocationCountsOnItsOwnDateOnceItIsKnown() throws Exception {
        Api api = new Api(url(""));
        String product = api.certifiedProduct(api.registerSubject(), "Cà phê hai đồng hồ", 4);
        Thread.sleep(50);
        Instant knownBefore = Instant.now();
        Thread.sleep(50);
        api.accepted("/api/products/" + product + "/certificate/revocation", """
                {"reasonCode": "MARK_MISUSE", "concludedOn": "2025-05-20", "decision": %s}"""
                .formatted(Api.decision("PROVINCE", "2025-06-01")));

        // known before the revocation was entered, in effect after its date: still valid, it was not known
        assertThat(status(product, "asOf=" + knownBefore + "&effectiveOn=2025-07-01")).isEqualTo("VALID");
        // known before, in effect before the recognition: no certificate yet
        assertThat(status(product, "asOf=" + knownBefore + "&effectiveOn=2024-03-01")).isEqualTo("null");
        // known now, in effect before the revocation's date: valid
        assertThat(status(product, "effectiveOn=2025-01-01")).isEqualTo("VALID");
        // known now, in effect after it: revoked from its own date
        assertThat(status(product, "effectiveOn=2025-07-01")).isEqualTo("REVOKED");
        assertThat(status(product, "asOf=" + knownBefore)).isEqualTo("VALID");

        JsonNode found = Http.get(url("/api/products?q=hai%20dong%20ho&effectiveOn=2025-01-01")).json();
        assertThat(found.at("/items/0/certificateStatus").asText()).as(found.toString()).isEqualTo("VALID");
        Http.Response future = Http.get(url("/api/dashboard/overview?effectiveOn=2999-01-01"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("effectiveOn");
        assertThat(Http.get(url("/api/dashboard/expiring?effectiveOn=2025-07-01")).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/subjects?effectiveOn=2025-07-01")).status()).isEqualTo(200);
    }

    private String status(String product, String query) {
        Http.Response response = Http.get(url("/api/products/" + product + "?" + query));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("certificateStatus").asText("null");
    }
}
