package vn.ocop.infra.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.infra.Api.evaluation;
import static vn.ocop.infra.Api.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ListPages;
import vn.ocop.infra.ServiceTest;

/** Anybody can check a product's stars: certified products only, no sign-in, cacheable. */
class PublicCatalogueTest extends ServiceTest {

    private static final Map<String, String> NOBODY = Map.of("Authorization", Http.ANONYMOUS);
    private static final String IN_FORCE = "certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void certifiedProductsAreListedForAnybodyAndCacheable() {
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        String certified = api.approvedProduct(subject, "2024-01-10");
        String evaluationId = api.firstProvincialEvaluation(certified, "2024-05-01", "30/20/25", "28/20/27");
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

    /**
     * The catalogue's pages, one after another, list every product in force exactly once, best rated first and then
     * by name, as the register's rows order them; each page's total is the count of those rows.
     */
    @Test
    void pagesFollowEachOtherInTheCataloguesOrderAndCountTheProductsInForce() {
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        api.certifiedProduct(subject, "Mật ong rừng Kon Plông", 3);
        api.certifiedProduct(subject, "Cà phê xứ lạnh Măng Đen", 4);
        String last = api.certifiedProduct(subject, "Bánh sắn Tu Mơ Rông", 4);
        assertThat(Http.get(url("/api/products/" + last + "?minVersion=5")).status()).isEqualTo(200);

        Map<String, String> filters = Map.of("", "true", "stars=4", "stars = 4", "stars=3&communeCode=23374",
                "stars = 3 and commune_code = '23374'", "groupCode=III", "group_code = 'III'", "q=tu+mo+rong",
                "search_text like '%tu mo rong%'");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> filters.forEach((query, condition) -> {
            List<String> expected = jdbc.queryForList("select product_id from product_register where " + IN_FORCE
                    + " and " + condition + " order by stars desc, search_text, product_id", String.class);
            assertThat(expected).as(query).isNotEmpty();
            assertThat(ListPages.ids(path -> Http.get(url(path), NOBODY), "/public/products?" + query, "productId", 2,
                    expected.size())).as(query).containsExactlyElementsOf(expected);
        }));
    }
}
