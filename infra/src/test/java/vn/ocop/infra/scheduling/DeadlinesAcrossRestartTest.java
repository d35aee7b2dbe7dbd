package vn.ocop.infra.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
            product = api.productRecognisedOn20220601(subject);

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
