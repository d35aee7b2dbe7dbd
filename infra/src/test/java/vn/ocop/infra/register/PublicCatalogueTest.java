package vn.ocop.infra.register;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.infra.Api.evaluation;
import static vn.ocop.infra.Api.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/** Anybody can check a product's stars: certified products only, no sign-in, cacheable. */
class PublicCatalogueTest extends ServiceTest {

    private static final Map<String, String> NOBODY = Map.of("Authorization", Http.ANONYMOUS);

    @Test
    void certifiedProductsAreListedForAnybodyAndCacheable() {
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        String certified = api.approvedProduct(subject, "2024-01-10");
        String evaluationId = api.accepted("/api/products/" + certified + "/evaluations",
                evaluation("FIRST", "PROVINCE", "2024-05-01", "30/20/25", "28/20/27")).get("createdId").asText();
        api.accepted("/api/products/" + certified + "/recognition",
                recognition(evaluationId, 4, "PROVINCE", "2024-06-01"));
        String uncertified = api.approvedProduct(subject, "2024-02-10");
        assertThat(Http.get(url("/api/subjects/" + subject + "?minVersion=0")).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/products/" + certified + "?minVersion=5")).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/products/" + uncertified + "?minVersion=3")).status()).isEqualTo(200);

        Http.Response listed = Http.get(url("/public/products?q=sam+ngoc+linh&stars=4&size=100"), NOBODY);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("Cache-Control")).contains("max-age=300", "public");
        JsonNode entry = null;
        for (JsonNode item : listed.json().get("items")) {
            assertThat(item.get("productId").asText()).isNotEqualTo(uncertified);
            if (item.get("productId").asText().equals(certified)) {
                entry = item;
            }
        }
        assertThat(entry).as("the certified product is listed").isNotNull();
        assertThat(entry.get("stars").asInt()).isEqualTo(4);
        assertThat(entry.get("producer").asText()).isEqualTo("Hợp tác xã Sâm Ngọc Linh Tu Mơ Rông");
        assertThat(entry.get("communeCode").asText()).isEqualTo("23374");
        assertThat(entry.get("communeName").asText()).isNotBlank();
        assertThat(entry.get("validUntil").asText()).isEqualTo("2027-06-01");
        assertThat(entry.has("representative")).isFalse();

        String etag = listed.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(Http.get(url("/public/products?q=sam+ngoc+linh&stars=4&size=100"),
                Map.of("Authorization", Http.ANONYMOUS, "If-None-Match", etag)).status()).isEqualTo(304);
    }
}
