package vn.ocop.infra.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.TallyCheck;

/**
 * A parked event is listed with its record and the kind of failure, without the failure's message, and a retry
 * processes it into the view and empties the queue.
 */
class DeadLettersTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aParkedEventIsListedAndARetryProcessesItIntoTheView() {
        String subject = new Api(url("")).registerSubject();
        await().atMost(Duration.ofSeconds(20)).until(() -> rows(subject) == 1);
        // As if the view's handler had refused the registration: parked, and the row never written nor counted.
        EventMessage<?> registration = eventStore.readEvents(subject).next();
        processing.deadLetterQueue("subjects").orElseThrow().enqueue(subject, new GenericDeadLetter<>(subject,
                registration, new IllegalStateException("select secret from personal_data_key")));
        TallyCheck.removeSubject(jdbc, subject);

        Http.Response listed = Http.get(url("/api/admin/projections/subjects/dead-letters"));

        assertThat(listed.status()).isEqualTo(200);
        JsonNode letter = find(listed.json(), subject);
        assertThat(letter).as("the parked registration is listed").isNotNull();
        assertThat(letter.get("eventType").asText()).isEqualTo("SubjectRegistered");
        assertThat(letter.get("sequenceNumber").asLong()).isZero();
        assertThat(letter.get("cause").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(listed.body()).as("the failure's message stays inside").doesNotContain("personal_data_key");

        Http.Response retried = Http.postJson(url("/api/admin/projections/subjects/dead-letters/retry"), "");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("sequencesProcessed").asInt()).isPositive();
        assertThat(rows(subject)).as("the retry wrote the view's row").isEqualTo(1);
        assertThat(find(Http.get(url("/api/admin/projections/subjects/dead-letters")).json(), subject)).isNull();
        assertThat(Http.get(url("/api/admin/projections/nothing/dead-letters")).status()).isEqualTo(404);
    }

    private int rows(String subject) {
        return jdbc.queryForObject("select count(*) from subject_view where subject_id = ?", Integer.class, subject);
    }

    private static JsonNode find(JsonNode listing, String aggregateId) {
        for (JsonNode sequence : listing.get("sequences")) {
            for (JsonNode letter : sequence) {
                if (aggregateId.equals(letter.path("aggregateId").asText())) {
                    return letter;
                }
            }
        }
        return null;
    }
}
