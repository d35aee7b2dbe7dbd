package vn.ocop.infra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/** The overview reconciles with itself and with the support it was given. */
class DashboardApiTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    /** The views are eventually consistent: once they settle, the overview's parts add up to its totals. */
    @Test
    void theOverviewsFiguresAddUp() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode overview = Http.get(url("/api/dashboard/overview")).json();
            JsonNode products = overview.get("products");
            assertThat(sum(products.get("inForceByStars"))).isEqualTo(products.get("inForce").asLong());
            assertThat(sum(products.get("inForceByGroup"))).isEqualTo(products.get("inForce").asLong());
            assertThat(sum(products.get("byStage"))).isEqualTo(products.get("registered").asLong());
            JsonNode subjects = overview.get("subjects");
            assertThat(sum(subjects.get("byLegalForm"))).isEqualTo(subjects.get("total").asLong());
            assertThat(sum(subjects.get("byStanding"))).isEqualTo(subjects.get("total").asLong());
        });
    }

    /** Each figure is what a count of the views' rows says, statement by statement. */
    @Test
    void theOverviewsFiguresAreTheViewsCounts() {
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        api.productRecognisedOn20220601(subject);
        api.approvedProduct(subject, "2024-03-01");
        String inForce = "certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode overview = Http.get(url("/api/dashboard/overview")).json();
            JsonNode products = overview.get("products");
            assertThat(products.at("/inForceByStars/4").asLong()).as("the 4-star product made here").isPositive();
            assertThat(products.get("registered").asLong()).isEqualTo(count("select count(*) from product_register"));
            assertThat(products.get("inForce").asLong())
                    .isEqualTo(count("select count(*) from product_register where " + inForce));
            assertThat(products.get("keyProducts").asLong())
                    .isEqualTo(count("select count(*) from product_register where key_product"));
            assertThat(products.get("provincialLevel").asLong())
                    .isEqualTo(count("select count(*) from product_register where provincial_level"));
            for (int stars = 3; stars <= 5; stars++) {
                assertThat(products.at("/inForceByStars/" + stars).asLong()).as(stars + " stars").isEqualTo(count(
                        "select count(*) from product_register where stars = " + stars + " and " + inForce));
            }
            assertThat(products.at("/byStage/RECOGNISED").asLong())
                    .isEqualTo(count("select count(*) from product_register where stage = 'RECOGNISED'"));
            JsonNode certificates = overview.get("certificates");
            assertThat(certificates.get("expired").asLong())
                    .isEqualTo(count("select count(*) from product_register where certificate_status = 'EXPIRED'"));
            assertThat(certificates.get("revoked").asLong())
                    .isEqualTo(count("select count(*) from product_register where certificate_status = 'REVOKED'"));
            java.time.LocalDate in90Days = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(90);
            assertThat(certificates.get("expiringWithin90Days").asLong()).isEqualTo(count("select count(*) from product_register "
                    + "where certificate_status = 'VALID' and certificate_expires_on <= '" + in90Days + "'"));
            JsonNode subjects = overview.get("subjects");
            assertThat(subjects.at("/byLegalForm/COOPERATIVE").asLong()).isEqualTo(
                    count("select count(*) from subject_view where legal_form = 'COOPERATIVE'"));
            assertThat(subjects.at("/byStanding/ACTIVE").asLong())
                    .isEqualTo(count("select count(*) from subject_view where standing = 'ACTIVE'"));
        });
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void aYearsSupportShowsWhatWasAllocatedCommittedAndDisbursed() {
        Api api = new Api(url(""));
        int year = 2077;
        String subject = api.registerSubject();
        String line = api.accepted("/api/budgets", """
                {"provinceCode": "62", "source": "CENTRAL_BUDGET", "fiscalYear": %d, "amount": 900000000,
                 "decision": %s}""".formatted(year, Api.decision("PROVINCE", "2026-01-15"))).get("id").asText();
        String grant = api.accepted("/api/support-grants", """
                {"budgetLineId": "%s", "subjectId": "%s", "kind": "EQUIPMENT_PRODUCTION_LINE", "amount": 250000000,
                 "costSharePercent": 50, "fiscalYear": %d, "decision": %s}"""
                .formatted(line, subject, year, Api.decision("PROVINCE", "2026-04-01"))).get("id").asText();
        api.accepted("/api/support-grants/" + grant + "/disbursements", """
                {"amount": 100000000, "paidOn": "2026-06-01", "voucherReference": "PC-9",
                 "acceptanceMinutesReference": "BB-9"}""");

        AtomicLong disbursed = new AtomicLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode support = Http.get(url("/api/dashboard/overview?fiscalYear=" + year)).json().get("support");
            disbursed.set(support.get("disbursed").asLong());
            // The line's and the grant's rows are projected independently: wait for both.
            return disbursed.get() == 100_000_000L && support.get("committed").asLong() == 250_000_000L;
        });
        JsonNode support = Http.get(url("/api/dashboard/overview?fiscalYear=" + year)).json().get("support");
        assertThat(support.get("allocated").asLong()).isEqualTo(900_000_000L);
        assertThat(support.get("committed").asLong()).isEqualTo(250_000_000L);
        assertThat(support.get("grants").asLong()).isEqualTo(1);
        assertThat(support.at("/bySource/CENTRAL_BUDGET/disbursed").asLong()).isEqualTo(100_000_000L);
        assertThat(support.at("/byKind/EQUIPMENT_PRODUCTION_LINE/committed").asLong()).isEqualTo(250_000_000L);

        JsonNode dashboard = Http.get(url("/api/dashboard/support?fiscalYear=" + year)).json();
        assertThat(dashboard.at("/lines/0/budgetLineId").asText()).isEqualTo(line);
        assertThat(dashboard.at("/lines/0/remaining").asLong()).isEqualTo(650_000_000L);
        assertThat(dashboard.at("/lines/0/disbursed").asLong()).isEqualTo(100_000_000L);
        assertThat(dashboard.at("/byDistrict/Huyện Đắk Glei/committed").asLong()).isEqualTo(250_000_000L);
    }

    @Test
    void theDistrictsAddUpToTheOverviewAndPlaceEachCommune() {
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        JsonNode created = api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Cà phê Đăk Hà", "groupCode": "II", "criteriaSetCode": "14",
                 "communeCode": "23500", "registeredOn": "2024-03-01"}""".formatted(subject));
        Http.get(url("/api/products/" + created.get("id").asText() + "?minVersion=0"));

        await().atMost(Duration.ofSeconds(10)).until(() -> sumRegistered(Http.get(url("/api/dashboard/districts"))
                .json()) == Http.get(url("/api/dashboard/overview")).json().at("/products/registered").asLong());
        JsonNode districts = Http.get(url("/api/dashboard/districts")).json();
        long registered = 0;
        JsonNode dakHa = null;
        for (JsonNode district : districts) {
            registered += district.get("registered").asLong();
            if (district.get("districtCode").asText().equals("615")) {
                dakHa = district;
            }
        }

        assertThat(districts.size()).isGreaterThanOrEqualTo(10);
        assertThat(registered).isEqualTo(Http.get(url("/api/dashboard/overview")).json()
                .at("/products/registered").asLong());
        assertThat(dakHa).isNotNull();
        assertThat(dakHa.get("districtName").asText()).isEqualTo("Huyện Đắk Hà");
        assertThat(dakHa.get("registered").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(dakHa.get("communes").toString()).contains("\"communeCode\":\"23500\"");
        String productId = created.get("id").asText();
        assertThat(Http.get(url("/api/products?size=200&subjectId=" + subject + "&districtCode=615")).body())
                .contains(productId);
        assertThat(Http.get(url("/api/products?size=200&subjectId=" + subject + "&districtCode=608")).json()
                .get("total").asLong()).isZero();
    }

    private static long sumRegistered(JsonNode districts) {
        long registered = 0;
        for (JsonNode district : districts) {
            registered += district.get("registered").asLong();
        }
        return registered;
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode count : counts) {
            total += count.asLong();
        }
        return total;
    }
}
