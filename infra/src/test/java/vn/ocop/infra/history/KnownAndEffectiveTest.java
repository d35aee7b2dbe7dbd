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
        String subject = api.registerSubject();
        String product = api.certifiedProduct(subject, "Cà phê hai đồng hồ", 4);
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

        Instant knownAfter = Instant.now();

        // the register search, the subject's portfolio and the expiry pipeline answer the same four ways
        String before = "asOf=" + knownBefore + "&";
        for (String[] read : new String[][] {
                {before + "effectiveOn=2025-07-01", "VALID"}, {"effectiveOn=2025-01-01", "VALID"},
                {"effectiveOn=2025-07-01", "REVOKED"}}) {
            JsonNode found = Http.get(url("/api/products?q=hai%20dong%20ho&" + read[0])).json();
            assertThat(found.at("/items/0/certificateStatus").asText()).as(read[0] + found).isEqualTo(read[1]);
            JsonNode portfolio = Http.get(url("/api/subjects/" + subject + "/portfolio?" + read[0])).json();
            assertThat(portfolio.at("/products/0/certificateStatus").asText()).as(read[0] + portfolio)
                    .isEqualTo(read[1]);
            JsonNode pipeline = Http.get(url("/api/dashboard/expiring?withinDays=1200&" + read[0])).json();
            assertThat(pipeline.get("due").findValuesAsText("productId").contains(product)).as(read[0])
                    .isEqualTo(read[1].equals("VALID"));
        }
        JsonNode portfolioBefore = Http.get(url("/api/subjects/" + subject + "/portfolio?" + before
                + "effectiveOn=2024-03-01")).json();
        assertThat(portfolioBefore.at("/products/0/certificateStatus").asText(null)).as(portfolioBefore.toString())
                .isNull();

        // the overview: knowing the revocation moves exactly one certificate from in force to revoked
        JsonNode unknown = overview(before + "effectiveOn=2025-07-01");
        JsonNode known = overview("asOf=" + knownAfter + "&effectiveOn=2025-07-01");
        assertThat(known.at("/certificates/revoked").asLong() - unknown.at("/certificates/revoked").asLong())
                .isEqualTo(1);
        assertThat(unknown.at("/products/inForce").asLong() - known.at("/products/inForce").asLong()).isEqualTo(1);
        // and before its own date it changes nothing, known or not
        assertThat(overview("asOf=" + knownAfter + "&effectiveOn=2025-01-01").at("/certificates"))
                .isEqualTo(overview(before + "effectiveOn=2025-01-01").at("/certificates"));

        Http.Response future = Http.get(url("/api/dashboard/overview?effectiveOn=2999-01-01"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("effectiveOn");
        Http.Response beyondKnown = Http.get(url("/api/products/" + product + "?" + before + "effectiveOn=2999-01-01"));
        assertThat(beyondKnown.status()).isEqualTo(400);
    }

    private JsonNode overview(String query) {
        Http.Response response = Http.get(url("/api/dashboard/overview?" + query));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String status(String product, String query) {
        Http.Response response = Http.get(url("/api/products/" + product + "?" + query));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("certificateStatus").asText("null");
    }
}
