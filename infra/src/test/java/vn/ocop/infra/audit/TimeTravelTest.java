package vn.ocop.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.infra.Api.evaluation;
import static vn.ocop.infra.Api.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.query.common.ShadowReplay;

/**
 * What the register and the dashboards said at a past instant is recomputed from the events recorded up to then
 * by the live views' own projections and queries — and equals what the live views showed at that instant.
 */
class TimeTravelTest extends ServiceTest {

    @Autowired
    ShadowReplay history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** What the live views showed at an instant. */
    private record Seen(Instant at, JsonNode product, JsonNode overview, JsonNode review2021) {
    }

    @Test
    void aProductAndTheOverviewAsOfThreePastInstantsAreWhatTheLiveViewsShowedThen() {
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        List<Seen> seen = new ArrayList<>();

        String product = productOf2021(api, subject);
        seen.add(see(product));

        // Entered now, decided in 2021: a late-entered decision, effective in the past.
        String evaluationId = api.firstProvincialEvaluation(product, "2021-05-01", "30/20/25", "28/20/27");
        api.accepted("/api/products/" + product + "/recognition", recognition(evaluationId, 4, "PROVINCE", "2021-06-01"));
        seen.add(see(product));

        api.approvedProduct(api.registerSubject(), "2025-02-01");
        api.accepted("/api/products/" + product + "/certificate/revocation", """
                {"reasonCode": "PRODUCTION_STOPPED", "concludedOn": "2022-03-01", "decision": %s}"""
                .formatted(Api.decision("PROVINCE", "2022-03-05")));
        seen.add(see(product));

        api.approvedProduct(subject, "2025-03-01"); // the present moves on past the last instant seen
        for (Seen then : seen) {
            JsonNode state = Http.get(url("/api/audit/products/" + product + "/state?asOf=" + then.at())).json();
            assertThat(state.get("state")).as("product as of " + then.at()).isEqualTo(then.product());
            assertThat(state.get("version").asLong()).isEqualTo(then.product().get("version").asLong());
            assertThat(Http.get(url("/api/dashboard/overview?asOf=" + then.at())).json())
                    .as("overview as of " + then.at()).isEqualTo(then.overview());
        }
        assertThat(Http.get(url("/api/dashboard/overview")).json()).isNotEqualTo(seen.get(2).overview());

        // The two clocks: the 2021 review as recorded before and after the late entry of a 2021 recognition.
        JsonNode before = review2021(seen.get(0).at());
        JsonNode after = review2021(seen.get(1).at());
        assertThat(after.get("newRecognitions").asLong()).isEqualTo(before.get("newRecognitions").asLong() + 1);
        assertThat(after).isEqualTo(seen.get(1).review2021());
    }

    @Test
    void theFutureAndTheTimeBeforeARecordAreNotPastStates() {
        Api api = new Api(url(""));
        Instant beforeIt = Instant.now();
        sleepPast(beforeIt);
        String product = api.approvedProduct(api.registerSubject(), "2024-01-10");

        Http.Response future = Http.get(url("/api/dashboard/overview?asOf=" + Instant.now().plusSeconds(3600)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().at("/errors/0/field").asText()).isEqualTo("asOf");
        assertThat(Http.get(url("/api/audit/products/" + product + "/state?asOf=" + beforeIt)).status())
                .isEqualTo(404);
        assertThat(Http.get(url("/api/audit/planets/" + product + "/state?asOf=" + beforeIt)).status())
                .isEqualTo(400);
    }

    /** A product taken through the 2021 steps, ready for its first evaluation. */
    private static String productOf2021(Api api, String subject) {
        String product = api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Rượu cần Kon Plông", "groupCode": "2", "communeCode": "23377",
                 "registeredOn": "2021-01-10"}""".formatted(subject)).get("id").asText();
        api.accepted("/api/products/" + product + "/idea-decision", Api.stepDecision(true, "DISTRICT", "2021-01-20"));
        api.accepted("/api/products/" + product + "/business-plan", """
                {"submittedOn": "2021-02-01", "title": "Phương án"}""");
        api.accepted("/api/products/" + product + "/business-plan/decision",
                Api.stepDecision(true, "DISTRICT", "2021-03-01"));
        return product;
    }

    private Seen see(String product) {
        awaitViewsSettled();
        JsonNode entry = Http.get(url("/api/products/" + product)).json();
        JsonNode overview = Http.get(url("/api/dashboard/overview")).json();
        JsonNode review = Http.get(url("/api/reports/annual-review?year=2021")).json();
        Instant at = Instant.now();
        sleepPast(at); // what is recorded next is recorded after this instant
        return new Seen(at, entry, overview, review);
    }

    private JsonNode review2021(Instant asOf) {
        return Http.get(url("/api/reports/annual-review?year=2021&asOf=" + asOf)).json();
    }

    /** Waits until every view has processed every stored event. */
    /**
     * A read of the present sees one state of the views from its first statement to its last: a change committed
     * between two of them is in neither answer, so a dashboard's figures and a list's total and page agree.
     */
    @Test
    void aReadOfThePresentSeesOneStateOfTheViewsThroughout() {
        Api api = new Api(url(""));
        String product = api.approvedProduct(api.registerSubject(), "2024-01-10");
        assertThat(Http.get(url("/api/products/" + product + "?minVersion=3")).status()).isEqualTo(200);
        TransactionTemplate elsewhere = new TransactionTemplate(transactionManager);
        elsewhere.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String select = "select name from product_register where product_id = ?";
        String name = jdbc.queryForObject(select, String.class, product);
        try {
            List<String> read = history.at(null, date -> {
                String first = jdbc.queryForObject(select, String.class, product);
                elsewhere.executeWithoutResult(status -> jdbc.update(
                        "update product_register set name = ? where product_id = ?", name + " (đổi tên)", product));
                return List.of(first, jdbc.queryForObject(select, String.class, product));
            });

            assertThat(read).containsExactly(name, name);
            assertThat(jdbc.queryForObject(select, String.class, product)).isEqualTo(name + " (đổi tên)");
        } finally {
            jdbc.update("update product_register set name = ? where product_id = ?", name, product);
        }
    }

    private void awaitViewsSettled() {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode view : Http.get(url("/api/admin/projections")).json()) {
                if (!view.get("caughtUp").asBoolean() || view.get("position").asLong() < view.get("head").asLong()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static void sleepPast(Instant instant) {
        await().pollDelay(Duration.ofMillis(5)).until(() -> Instant.now().isAfter(instant.plusMillis(2)));
    }
}
