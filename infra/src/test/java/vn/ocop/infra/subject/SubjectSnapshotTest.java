package vn.ocop.infra.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/** A long-lived subject is loaded from a snapshot, and what it decides is the same as from its events. */
class SubjectSnapshotTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSubjectWithManyChangesIsSnapshottedAndStillKeepsItsRules() {
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        for (int i = 0; i < 55; i++) {
            assertThat(api.patch("/api/subjects/" + subject, "{\"name\": \"Hợp tác xã " + i + "\"}", Map.of())
                    .status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, subject) > 0);

        api.accepted("/api/subjects/" + subject + "/status", """
                {"change": "DISSOLVE", "effectiveOn": "2026-03-01", "reason": "Giải thể"}""");
        Http.Response renamed = api.patch("/api/subjects/" + subject, "{\"name\": \"Tên mới\"}", Map.of());

        assertThat(renamed.status()).as("a dissolved subject, loaded from its snapshot, refuses changes")
                .isEqualTo(409);
        assertThat(jdbc.queryForObject("select max(sequence_number) from domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, subject)).isEqualTo(56);
    }
}
