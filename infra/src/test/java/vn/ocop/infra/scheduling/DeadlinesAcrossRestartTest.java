package vn.ocop.infra.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.infra.Api.evaluation;
import static vn.ocop.infra.Api.recognition;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Nodes;
import vn.ocop.infra.StoredEvents;

/**
 * Deadlines live in the database, not in a node's memory: scheduled by a node that stops before they are
 * executed, they fire after a restart, exactly once, even with two nodes polling for them.
 */
class DeadlinesAcrossRestartTest {

    @Test
    void aNoticeAndAnExpiryScheduledBeforeARestartFireOnceAfterIt() {
        String product;
        try (ConfigurableApplicationContext before = node(false)) {
            Api api = new Api(Nodes.base(before));
            String subject = api.registerSubject();
            // Recognised 2022-06-01 under 1048: notice due 2025-05-02 (148), expiry 2025-06-01 — both past.
            product = api.accepted("/api/products", """
                    {"subjectId": "%s", "name": "Rượu cần Kon Plông", "groupCode": "2", "communeCode": "23395",
                     "registeredOn": "2021-10-01"}""".formatted(subject)).get("id").asText();
            api.accepted("/api/products/" + product + "/idea-decision", Api.stepDecision(true, "DISTRICT", "2021-10-15"));
            api.accepted("/api/products/" + product + "/business-plan", """
                    {"submittedOn": "2021-11-01", "title": "Phương án"}""");
            api.accepted("/api/products/" + product + "/business-plan/decision",
                    Api.stepDecision(true, "DISTRICT", "2021-12-01"));
            String evaluationId = api.accepted("/api/products/" + product + "/evaluations",
                    evaluation("FIRST", "PROVINCE", "2022-05-01", "30/20/25", "28/20/27")).get("createdId").asText();
            api.accepted("/api/products/" + product + "/recognition",
                    recognition(evaluationId, 4, "PROVINCE", "2022-06-01"));

            JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_data is not null "
                    + "and execution_time < now()", Long.class)).isGreaterThanOrEqualTo(2);
            assertThat(StoredEvents.typesOf(jdbc, product)).doesNotContain("RenewalNoticeDue", "CertificateExpired");
        }

        try (ConfigurableApplicationContext first = node(true); ConfigurableApplicationContext second = node(true)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> StoredEvents.typesOf(jdbc, product).contains("CertificateExpired"));
            // Several more polling rounds on both nodes: nothing fires twice.
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);

            List<String> types = StoredEvents.typesOf(jdbc, product);
            assertThat(Collections.frequency(types, "RenewalNoticeDue")).isEqualTo(1);
            assertThat(Collections.frequency(types, "CertificateExpired")).isEqualTo(1);
            assertThat(types).endsWith("ProductRecognized", "RenewalNoticeDue", "CertificateExpired");
        }
    }

    /** A node of the service on the shared test database; {@code executing} says whether it fires deadlines. */
    private static ConfigurableApplicationContext node(boolean executing) {
        return Nodes.start("--ocop.scheduler.enabled=" + executing, "--ocop.scheduler.polling-interval=200ms");
    }
}
