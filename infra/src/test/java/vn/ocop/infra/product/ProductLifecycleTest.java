package vn.ocop.infra.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.infra.Api.evaluation;
import static vn.ocop.infra.Api.evaluationBySheets;
import static vn.ocop.infra.Api.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.infra.Api;
import vn.ocop.infra.TestAccounts;
import vn.ocop.infra.Http;
import vn.ocop.infra.ListPages;
import vn.ocop.infra.MutableClock;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.StoredEvents;
import vn.ocop.infra.StoredEvents.Stored;

/**
 * One product through HTTP, from idea to a 4-star certificate, an upgrade, the re-evaluation window, expiry
 * deferred by a filed dossier, re-recognition and revocation, with a second product whose certificate simply
 * lapses. Time is moved by the clock the service and its scheduler share, never waited for.
 */
@Import(ProductLifecycleTest.MovableTime.class)
@DirtiesContext
class ProductLifecycleTest extends ServiceTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TestConfiguration
    static class MovableTime {
        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void executeDeadlines(DynamicPropertyRegistry registry) {
        registry.add("ocop.scheduler.enabled", () -> "true");
        registry.add("ocop.scheduler.polling-interval", () -> "200ms");
    }

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(url(""));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aProductFromIdeaToRevocation() {
        String subject = api.registerSubject();
        String product = api.approvedProduct(subject, "2024-01-10");
        String lapsing = api.approvedProduct(subject, "2024-01-10");

        // A provincial council rates it 4 stars; the province recognises it (148/QĐ-TTg).
        String firstEvaluation = api.firstProvincialEvaluation(product, "2024-05-20", "35/20/25", "32/20/23");
        Http.Response recognised = api.post("/api/products/" + product + "/recognition",
                recognition(firstEvaluation, 4, "PROVINCE", "2024-06-10"), Map.of("Idempotency-Key", "rec-" + product));
        assertThat(recognised.status()).isEqualTo(201);
        assertThat(recognised.header("Location")).startsWith("/api/products/" + product + "/certificates/");
        String firstCertificate = recognised.json().get("createdId").asText();

        String other = api.firstProvincialEvaluation(lapsing, "2024-05-20", "35/20/25", "32/20/23");
        api.accepted("/api/products/" + lapsing + "/recognition", recognition(other, 4, "PROVINCE", "2024-06-10"));

        // The national council scores 92: the ministry upgrades it to 5 stars, superseding the first certificate.
        String upgradeEvaluation = api.accepted("/api/products/" + product + "/evaluations",
                evaluation("UPGRADE", "CENTRAL", "2024-09-30", "38/24/32", "36/22/32")).get("createdId").asText();
        String upgraded = api.accepted("/api/products/" + product + "/recognition",
                recognition(upgradeEvaluation, 5, "CENTRAL", "2024-10-15")).get("createdId").asText();

        // Expires 2027-10-15 under 26/2026: the window runs 2027-04-18 to 2027-06-17.
        moveTo("2027-04-20");
        awaitEvent(product, "ReEvaluationWindowOpened");
        awaitPipeline(180, "windowsOpen", pipeline -> ids(pipeline.get("due")).contains(product));
        api.accepted("/api/products/" + product + "/certificate/re-evaluation-dossier", """
                {"filedOn": "2027-04-20"}""");

        // The other product filed nothing: at its expiry (2027-06-10) its certificate lapses.
        moveTo("2027-06-11");
        awaitEvent(lapsing, "CertificateExpired");

        // At expiry the filed dossier keeps the certificate valid, at most 180 days, awaiting the decision.
        moveTo("2027-10-16");
        awaitEvent(product, "CertificateExpiryDeferred");
        awaitPipeline(90, "awaitingReEvaluation", pipeline -> ids(pipeline.get("awaiting")).contains(product)
                && !ids(pipeline.get("due")).contains(product));

        moveTo("2027-11-02");
        String reEvaluation = api.accepted("/api/products/" + product + "/evaluations",
                evaluationBySheets("RE_EVALUATION", "CENTRAL", "2027-10-20", 92, 90)).get("createdId").asText();
        String renewed = api.accepted("/api/products/" + product + "/recognition",
                recognition(reEvaluation, 5, "CENTRAL", "2027-11-01")).get("createdId").asText();

        moveTo("2027-11-26");
        api.accepted("/api/products/" + product + "/certificate/revocation", """
                {"reasonCode": "MARK_MISUSE", "concludedOn": "2027-11-20", "decision": %s}"""
                .formatted(Api.decision("CENTRAL", "2027-11-25")));

        assertThat(StoredEvents.typesOf(jdbc, product)).containsExactly(
                "ProductIdeaRegistered", "ProductIdeaAccepted", "BusinessPlanSubmitted", "BusinessPlanApproved",
                "ProductEvaluated", "ProductForwarded", "ProductEvaluated", "ProductRecognized",
                "ProductEvaluated", "ProductUpgraded",
                "ReEvaluationWindowOpened", "ReEvaluationDossierFiled", "ReEvaluationWindowClosed",
                "CertificateExpiryDeferred",
                "ProductEvaluated", "ProductReRecognized",
                "CertificateRevoked");
        assertThat(StoredEvents.typesOf(jdbc, lapsing)).endsWith(
                "ProductRecognized", "ReEvaluationWindowOpened", "ReEvaluationWindowClosed", "CertificateExpired");

        List<Stored> events = StoredEvents.of(jdbc, product);
        JsonNode firstRecognition = events.get(7).payload();
        assertThat(firstRecognition.get("certificateId").asText()).isEqualTo(firstCertificate);
        assertThat(firstRecognition.get("stars").asInt()).isEqualTo(4);
        assertThat(firstRecognition.at("/decision/level").asText()).isEqualTo("PROVINCE");
        assertThat(firstRecognition.get("expiresOn").asText()).isEqualTo("2027-06-10");
        assertThat(events.get(7).metadata().get("idempotencyKey").asText()).isEqualTo("rec-" + product);
        JsonNode upgrade = events.get(9).payload();
        assertThat(upgrade.get("previousCertificateId").asText()).isEqualTo(firstCertificate);
        assertThat(upgrade.get("certificateId").asText()).isEqualTo(upgraded);
        assertThat(upgrade.at("/renewal/windowOpensOn").asText()).isEqualTo("2027-04-18");
        assertThat(events.get(13).payload().get("validAtMostUntil").asText()).isEqualTo("2028-04-12");
        assertThat(events.get(13).metadata().get("trigger").asText()).isEqualTo("deadline:certificate-expiry");
        assertThat(events.get(15).payload().get("previousCertificateId").asText()).isEqualTo(upgraded);
        assertThat(events.get(16).payload().get("certificateId").asText()).isEqualTo(renewed);
        assertThat(events.get(16).payload().get("reasonCode").asText()).isEqualTo("MARK_MISUSE");
        assertThat(events.get(6).payload().get("criteriaSetCode").asText()).isEqualTo("QD148");
        assertThat(events.get(14).payload().get("criteriaSetCode").asText()).isEqualTo("QD26_2026");
        assertThat(events.get(6).payload().get("score").decimalValue()).isEqualByComparingTo("77.50");

        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(url("/api/evaluations?productId=" + product))
                .json().get("total").asLong() == 4);
        JsonNode evaluations = Http.get(url("/api/evaluations?productId=" + product)).json().get("items");
        JsonNode first = evaluations.get(2);
        assertThat(first.get("evaluationId").asText()).isEqualTo(firstEvaluation);
        assertThat(first.get("productName").asText()).isEqualTo("Sâm Ngọc Linh");
        assertThat(first.get("members").asInt()).isEqualTo(2);
        assertThat(first.get("partAMean").decimalValue()).isEqualByComparingTo("33.50");
        assertThat(first.get("score").decimalValue()).isEqualByComparingTo("77.50");
        assertThat(first.get("stars").asInt()).isEqualTo(4);
        assertThat(evaluations.get(0).get("kind").asText()).isEqualTo("RE_EVALUATION");

        JsonNode timeline = Http.get(url("/api/audit/products/" + product + "/history")).json();
        assertThat(timeline.size()).isEqualTo(events.size());
        assertThat(timeline.get(7).get("lineVi").asText()).isEqualTo(
                "Công nhận 4 sao theo quyết định số 20240610/QĐ-UBND ngày 10/06/2024 — UBND province, hiệu lực đến 10/06/2027, "
                        + TestAccounts.administrator().username());
        assertThat(timeline.get(7).get("lineEn").asText()).isEqualTo(
                "Recognised at 4 stars by decision 20240610/QĐ-UBND of 2024-06-10 — UBND province, valid until "
                        + "2027-06-10, " + TestAccounts.administrator().username());
        assertThat(timeline.get(13).get("trigger").asText()).isEqualTo("deadline:certificate-expiry");
        assertThat(timeline.get(13).get("lineVi").asText()).startsWith("Giấy chứng nhận quá hạn (15/10/2027)");
        assertThat(timeline.toString()).doesNotContain("Nguyễn Thị Hồng");
        assertThat(Http.get(url("/api/audit/products/" + lapsing + "-x/history")).status()).isEqualTo(404);

        for (Stored event : events) {
            JsonNode metadata = event.metadata();
            assertThat(metadata.get("traceId")).as(event.type() + " traceId in " + metadata).isNotNull();
            assertThat(metadata.get("causationId")).as(event.type() + " causationId").isNotNull();
            boolean causedByDeadline = event.type().startsWith("ReEvaluationWindow")
                    || event.type().startsWith("CertificateExpir");
            assertThat(metadata.has("correlationId")).as(event.type() + " correlationId").isNotEqualTo(causedByDeadline);
            assertThat(metadata.has("trigger")).as(event.type() + " trigger").isEqualTo(causedByDeadline);
            if (!causedByDeadline) {
                assertThat(metadata.get("user").asText()).as(event.type() + " user")
                        .isEqualTo(TestAccounts.administrator().username());
                assertThat(metadata.get("role").asText()).as(event.type() + " role").isEqualTo("ADMINISTRATOR");
                assertThat(metadata.get("jurisdiction").asText()).as(event.type() + " jurisdiction").isEqualTo("all");
            }
        }
    }

    /** Waits until the expiry pipeline shows what {@code shows} expects, with its count {@code counter} above 0. */
    private void awaitPipeline(int withinDays, String counter, java.util.function.Predicate<JsonNode> shows) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode pipeline = Http.get(url("/api/dashboard/expiring?withinDays=" + withinDays)).json();
            return pipeline.get(counter).asLong() > 0 && shows.test(pipeline);
        });
    }

    private static List<String> ids(JsonNode entries) {
        List<String> ids = new java.util.ArrayList<>();
        entries.forEach(entry -> ids.add(entry.get("productId").asText()));
        return ids;
    }

    private void moveTo(String date) {
        clock.moveTo(LocalDateTime.parse(date + "T12:00").atZone(VIETNAM).toInstant());
    }

    private void awaitEvent(String productId, String type) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> StoredEvents.typesOf(jdbc, productId).contains(type));
    }

    /** The council evaluations are listed newest first, page after page, each once. */
    @Test
    void theEvaluationsListPagesFollowEachOtherNewestFirst() {
        String subject = api.registerSubject();
        api.certifiedProduct(subject, "Chuối mật Sa Thầy", 4);
        String last = api.certifiedProduct(subject, "Chuối mật Sa Thầy", 3);
        assertThat(Http.get(url("/api/products/" + last + "?minVersion=5")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> expected = jdbc.queryForList("select evaluation_id from evaluation_view"
                    + " order by evaluated_on desc, evaluation_id", String.class);
            assertThat(ListPages.ids(path -> Http.get(url(path)), "/api/evaluations", "evaluationId", 50,
                    expected.size())).containsExactlyElementsOf(expected);
        });
    }
}
