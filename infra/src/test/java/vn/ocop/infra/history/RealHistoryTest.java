package vn.ocop.infra.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.infra.Api.evaluation;
import static vn.ocop.infra.Api.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.TestAccounts;

/**
 * A province's past loaded today, with the service as it runs by default (its scheduler on): 80 certificates
 * decided early in 2021 have expired by 2024, and the scheduler records each lapse the moment the certificate
 * is entered. The renewals decided before expiry arrive afterwards, as an integrator enters them; each is
 * judged on its own date and supersedes the recorded lapse, the rest stay lapsed, and a renewal dated after
 * expiry is refused. The annual reviews of 2024 and 2025 and the expiry view count exactly that — entered
 * step by step through the API, and again as a list through the import.
 */
@DirtiesContext
class RealHistoryTest extends ServiceTest {

    private static final int CERTIFICATES = 80;
    private static final List<Integer> YEARS = List.of(2021, 2022, 2023, 2024, 2025, 2026);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @DynamicPropertySource
    static void scheduleAsByDefault(DynamicPropertyRegistry registry) {
        registry.add("ocop.scheduler.enabled", () -> "true");
        registry.add("ocop.scheduler.polling-interval", () -> "200ms");
    }

    @Autowired
    JdbcTemplate jdbc;

    private Api api;

    /** Certificate {@code i} is decided 2021-02-01 plus {@code i} days and expires 36 months later. */
    private static LocalDate decidedOn(int i) {
        return LocalDate.parse("2021-02-01").plusDays(i);
    }

    private static LocalDate expiresOn(int i) {
        return decidedOn(i).plusMonths(36);
    }

    /** Every third certificate was re-recognised 20 days before it expired. */
    private static boolean renewed(int i) {
        return i % 3 == 0;
    }

    @Test
    void renewalsEnteredAfterTheSchedulerRecordedTheLapsesAreCountedAsRenewals() {
        api = new Api(url(""));
        Map<Integer, JsonNode> before = settledReviews();
        JsonNode expiringBefore = expiring();
        String subject = api.registerSubject();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < CERTIFICATES; i++) {
            products.add(certified(subject, i));
        }
        renewAfterTheLapses(products, null);
        assertCounts(before, expiringBefore);
    }

    @Test
    void theSameHistoryLoadedAsAListCountsTheSame() throws Exception {
        api = new Api(url(""));
        Map<Integer, JsonNode> before = settledReviews();
        JsonNode expiringBefore = expiring();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("STT,Chủ thể,Loại hình,Mã số ĐKKD,Người đại diện,Điện thoại,Sản phẩm,"
                + "Nhóm,Bộ sản phẩm,Mã xã,Ngày đăng ký,Cấp đánh giá,Ngày đánh giá,Điểm phần A,Điểm phần B,Điểm phần C,"
                + "Điểm,Hạng sao,Số quyết định,Ngày quyết định,Cơ quan ban hành,Cấp công nhận,Ngày hết hạn,"
                + "Mã sản phẩm,Ngày đánh giá cấp huyện,Điểm phần A cấp huyện,Điểm phần B cấp huyện,"
                + "Điểm phần C cấp huyện,Ngày chuyển lên tỉnh,Bước,Ngày nộp hồ sơ đánh giá lại,Lý do thu hồi,"
                + "Ngày kết luận\n");
        StringBuilder renewals = new StringBuilder(csv);
        String registration = "61" + (10_000_000 + Math.floorMod(run.hashCode(), 89_999_999));
        for (int i = 0; i < CERTIFICATES; i++) {
            csv.append(i + 1).append(",Hợp tác xã Lịch sử ").append(run).append(",Hợp tác xã,").append(registration)
                    .append(",Trần Thị Lịch,0905 000 002,Mật ong rừng ").append(run).append(" số ").append(i)
                    .append(",1,,23500,01/06/2020,Tỉnh,").append(DAY.format(decidedOn(i).minusDays(14)))
                    .append(",35,20,25,80,4,").append(100 + i).append("/QĐ-UBND,").append(DAY.format(decidedOn(i)))
                    .append(",Ủy ban nhân dân tỉnh Kon Tum,Tỉnh,").append(DAY.format(expiresOn(i)))
                    .append(",62-23500-").append(String.format("%03d", i + 1)).append("-2021,")
                    .append(DAY.format(decidedOn(i).minusDays(34))).append(",30,20,22,")
                    .append(DAY.format(decidedOn(i).minusDays(24))).append(",,,,\n");
            if (renewed(i)) {
                renewals.append(i + 1).append(",,,").append(registration).append(",,,Mật ong rừng ").append(run)
                        .append(" số ").append(i).append(",,,,,Tỉnh,").append(DAY.format(expiresOn(i).minusDays(40)))
                        .append(",35,20,25,80,4,").append(500 + i).append("/QĐ-UBND,")
                        .append(DAY.format(expiresOn(i).minusDays(20)))
                        .append(",Ủy ban nhân dân tỉnh Kon Tum,Tỉnh,,,,,,,,Đánh giá lại,,,\n");
            }
        }
        JsonNode applied = importList(csv.toString());
        assertThat(applied.get("status").asText()).as(applied.toString()).isEqualTo("APPLIED");
        assertThat(applied.at("/applied/rowsRecorded").asInt()).isEqualTo(CERTIFICATES);
        List<String> products = new ArrayList<>();
        for (int i = 0; i < CERTIFICATES; i++) {
            String name = "Mật ong rừng " + run + " số " + i;
            products.add(await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.query(
                    "select product_id from product_register where name = ?", (row, n) -> row.getString(1), name),
                    found -> found.size() == 1).get(0));
        }
        renewAfterTheLapses(products, () -> {
            // the renewals are a second list, loaded after the scheduler recorded the lapses
            JsonNode renewed = importList(renewals.toString());
            assertThat(renewed.get("status").asText()).as(renewed.toString()).isEqualTo("APPLIED");
            assertThat(renewed.at("/applied/rowsRecorded").asInt()).isEqualTo((CERTIFICATES + 2) / 3);
        });
        assertCounts(before, expiringBefore);
    }

    /**
     * Waits for the scheduler to record every lapse, then enters the renewals dated before expiry (through the
     * API, or by {@code asList}), and tries renewals dated after it.
     */
    private void renewAfterTheLapses(List<String> products, ThrowingRunnable asList) {
        await().atMost(Duration.ofSeconds(60)).until(() -> lapsesRecorded(products) == CERTIFICATES);
        if (asList != null) {
            try {
                asList.run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        for (int i = 0; i < CERTIFICATES; i++) {
            String product = products.get(i);
            if (renewed(i) && asList == null) {
                String evaluationId = api.accepted("/api/products/" + product + "/evaluations",
                        evaluation("RE_EVALUATION", "PROVINCE", expiresOn(i).minusDays(40).toString(), "35/20/25",
                                "35/20/25")).get("createdId").asText();
                api.accepted("/api/products/" + product + "/recognition",
                        recognition(evaluationId, 4, "PROVINCE", expiresOn(i).minusDays(20).toString()));
            } else if (i % 3 == 1 && i < 30) {
                Http.Response late = api.post("/api/products/" + product + "/evaluations",
                        evaluation("RE_EVALUATION", "PROVINCE", expiresOn(i).plusDays(5).toString(), "35/20/25",
                                "35/20/25"));
                assertThat(late.status()).as(late.body()).isEqualTo(409);
                assertThat(late.json().get("type").asText()).isEqualTo("urn:ocop:problem:no-certificate-in-force");
            }
        }
        // the first certificate's history: in business order the renewal stands before the expiry date; in
        // recorded order, the lapse the scheduler recorded comes first
        String first = products.get(0);
        List<String> business = events(Http.get(url("/api/products/" + first + "/timeline")).json());
        List<String> recorded = events(Http.get(url("/api/products/" + first + "/timeline?order=recorded")).json());
        assertThat(business).containsSubsequence("ProductRecognized", "ProductEvaluated",
                "CertificateExpirySuperseded", "ProductReRecognized", "CertificateExpired", "ReEvaluationWindowOpened");
        assertThat(business.indexOf("ProductReRecognized")).isLessThan(business.indexOf("CertificateExpired"));
        assertThat(recorded).containsSubsequence("ProductRecognized", "CertificateExpired", "ProductEvaluated",
                "CertificateExpirySuperseded", "ProductReRecognized");
        assertThat(recorded.indexOf("CertificateExpired")).isLessThan(recorded.lastIndexOf("ProductEvaluated"));
        assertThat(Http.get(url("/api/products/" + first + "/timeline?order=sideways")).status()).isEqualTo(400);
    }

    private static List<String> events(JsonNode timeline) {
        List<String> events = new ArrayList<>();
        timeline.forEach(entry -> {
            assertThat(entry.get("recordedAt").asText()).isNotBlank();
            events.add(entry.get("event").asText());
        });
        return events;
    }

    private void assertCounts(Map<Integer, JsonNode> before, JsonNode expiringBefore) {
        long renewals = java.util.stream.IntStream.range(0, CERTIFICATES).filter(RealHistoryTest::renewed).count();
        long lapses = CERTIFICATES - renewals;
        Map<Integer, long[]> expected = new HashMap<>();
        // year → new, re-recognitions, expiries, valid at year end
        expected.put(2021, new long[] {CERTIFICATES, 0, 0, CERTIFICATES});
        expected.put(2022, new long[] {0, 0, 0, CERTIFICATES});
        expected.put(2023, new long[] {0, 0, 0, CERTIFICATES});
        expected.put(2024, new long[] {0, renewals, lapses, renewals});
        expected.put(2025, new long[] {0, 0, 0, renewals});
        expected.put(2026, new long[] {0, 0, 0, renewals});
        Map<Integer, JsonNode> after = settledReviews();
        for (int year : YEARS) {
            JsonNode review = after.get(year);
            JsonNode was = before.get(year);
            long[] delta = expected.get(year);
            assertThat(difference(review, was, "newRecognitions")).as(year + " new").isEqualTo(delta[0]);
            assertThat(difference(review, was, "reRecognitions")).as(year + " renewed").isEqualTo(delta[1]);
            assertThat(difference(review, was, "expiries")).as(year + " expired").isEqualTo(delta[2]);
            assertThat(difference(review, was, "validAtYearEnd")).as(year + " valid").isEqualTo(delta[3]);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode expiring = expiring();
            assertThat(expiring.get("lapsed").asLong() - expiringBefore.get("lapsed").asLong()).isEqualTo(lapses);
            assertThat(expiring.get("awaitingReEvaluation").asLong())
                    .isEqualTo(expiringBefore.get("awaitingReEvaluation").asLong());
        });
    }

    /** A product registered in mid-2020, recognised 4★ by the province on {@link #decidedOn}. */
    private String certified(String subject, int i) {
        String product = api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Mật ong rừng số %d", "groupCode": "1", "communeCode": "23500",
                 "registeredOn": "2020-06-01"}""".formatted(subject, i)).get("id").asText();
        api.accepted("/api/products/" + product + "/idea-decision", Api.stepDecision(true, "PROVINCE", "2020-06-11"));
        api.accepted("/api/products/" + product + "/business-plan", """
                {"submittedOn": "2020-07-01", "title": "Phương án"}""");
        api.accepted("/api/products/" + product + "/business-plan/decision",
                Api.stepDecision(true, "PROVINCE", "2020-08-01"));
        String evaluationId = api.firstProvincialEvaluation(product, decidedOn(i).minusDays(14).toString(),
                "35/20/25", "35/20/25");
        api.accepted("/api/products/" + product + "/recognition",
                recognition(evaluationId, 4, "PROVINCE", decidedOn(i).toString()));
        return product;
    }

    private long lapsesRecorded(List<String> products) {
        Long count = jdbc.queryForObject("""
                select count(distinct aggregate_identifier) from domain_event_entry
                where aggregate_identifier = any(?) and payload_type like '%$CertificateExpired'""", Long.class,
                (Object) products.toArray(String[]::new));
        return count == null ? 0 : count;
    }

    /**
     * The reviews once nothing is due on the scheduler any more (other tests' certificates share the database),
     * so that the differences are this test's alone.
     */
    private Map<Integer, JsonNode> settledReviews() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from scheduled_tasks where execution_time <= now()", Long.class) == 0);
        Map<Integer, JsonNode> reviews = new HashMap<>();
        for (int year : YEARS) {
            reviews.put(year, Http.get(url("/api/reports/annual-review?year=" + year)).json());
        }
        return reviews;
    }

    private JsonNode expiring() {
        return Http.get(url("/api/dashboard/expiring")).json();
    }

    private static long difference(JsonNode after, JsonNode before, String field) {
        return after.get(field).asLong() - before.get(field).asLong();
    }

    private JsonNode importList(String csv) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/api/imports?dryRun=false")))
                        .header("Content-Type", "text/csv")
                        .header("Authorization", TestAccounts.administrator().basic())
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
