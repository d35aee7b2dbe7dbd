package vn.ocop.infra.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.ViewsProcessor;

/** The rebuild endpoint: started on request, followed by its status, ending where the view was. */
class ProjectionRebuildTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ShadowReplay shadows;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void onlyAReplayInOrderIntoKnownViewsSparesARecordsFirstEventItsLookUp() {
        Boolean inAShadow = shadows.replayed(List.of("subjects", "register"), Instant.EPOCH,
                shadow -> ShadowReplay.replayingInOrder());
        Boolean inAnotherTransaction = new TransactionTemplate(transactionManager)
                .execute(status -> ShadowReplay.replayingInOrder());
        assertThat(inAShadow).isTrue();
        assertThat(inAnotherTransaction).isFalse();
        assertThat(ShadowReplay.replayingInOrder()).isFalse();
    }

    @Test
    void aViewIsRebuiltOnRequestAndItsProgressFollowed() {
        String subject = Http.postJson(url("/api/subjects"), Subjects.registration(Subjects.uniqueRegistrationNumber()))
                .json().get("id").asText();
        assertThat(Http.get(url("/api/subjects/" + subject + "?minVersion=0")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("subjects").get("caughtUp").asBoolean());
        List<Map<String, Object>> before = rows();
        long swaps = jdbc.queryForObject("select swaps from view_swaps", Long.class);

        Http.Response started = Http.post(url("/api/admin/projections/subjects/rebuild"), null, "", Map.of());

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/api/admin/projections/subjects/status");
        assertThat(started.json().get("rebuildStarted").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode status = status("subjects");
            return status.get("caughtUp").asBoolean() && rows().equals(before);
        });
        JsonNode finished = status("subjects");
        assertThat(finished.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(finished.get("position").asLong()).isPositive().isLessThanOrEqualTo(finished.get("head").asLong());
        assertThat(finished.get("segments").asInt()).isPositive();
        assertThat(rows()).isEqualTo(before);
        assertThat(finished.get("rebuildFailure")).isNull();
        // the swap is counted, so that the answers kept of the present views are read afresh (PresentAnswersTest)
        assertThat(jdbc.queryForObject("select swaps from view_swaps", Long.class)).isEqualTo(swaps + 1);
        JsonNode all = Http.get(url("/api/admin/projections")).json();
        List<String> names = new ArrayList<>();
        all.forEach(projection -> names.add(projection.get("name").asText()));
        assertThat(names).contains("register", "subjects", "support-ledger", "programme-plans");
        assertThat(Http.post(url("/api/admin/projections/nothing/rebuild"), null, "", Map.of()).status())
                .isEqualTo(404);
    }

    /**
     * The views share one processor: a view rebuilt on the side takes exactly the events its tokens cover, however
     * far behind or ahead of the rebuild's first pass they are, and the other views are not replayed. Here the
     * processor stands still while the first pass runs and commands come in; the swap waits for it, and the rebuilt
     * view then holds the new subjects the processor handled, once, as its shadow replay does.
     */
    @Test
    void aViewRebuiltWhileItsProcessorFallsBehindAndCatchesUpEndsAsItsReplayDoes() {
        StreamingEventProcessor views = processing
                .eventProcessor(ViewsProcessor.NAME, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> status("subjects").get("caughtUp").asBoolean());
        List<Map<String, Object>> register = jdbc.queryForList("select * from product_register order by product_id");
        long tokenBefore = lowestToken();
        List<String> added = new ArrayList<>();
        views.shutDown();
        try {
            for (int i = 0; i < 3; i++) {
                added.add(Http.postJson(url("/api/subjects"), Subjects.registration(Subjects.uniqueRegistrationNumber()))
                        .json().get("id").asText());
            }
            assertThat(Http.post(url("/api/admin/projections/subjects/rebuild"), null, "", Map.of()).status())
                    .isEqualTo(202);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> status("subjects").get("replaying").asBoolean());
            assertThat(jdbc.queryForObject("select count(*) from subject_view where subject_id = any (?)", Long.class,
                    (Object) added.toArray(String[]::new))).as("the processor has not handled them yet").isZero();
        } finally {
            views.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode status = status("subjects");
            return !status.get("replaying").asBoolean() && status.get("caughtUp").asBoolean();
        });
        assertThat(status("subjects").get("rebuildFailure")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from subject_view where subject_id = any (?)", Long.class,
                (Object) added.toArray(String[]::new))).isEqualTo(3);
        assertThat(verify("subjects").get("equal").asBoolean()).isTrue();
        assertThat(lowestToken()).as("the processor was not reset").isGreaterThanOrEqualTo(tokenBefore);
        assertThat(jdbc.queryForList("select * from product_register order by product_id")).isEqualTo(register);
    }

    private long lowestToken() {
        return jdbc.queryForObject("""
                select coalesce(min((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint), 0) from token_entry
                where processor_name = ?""", Long.class, ViewsProcessor.NAME);
    }

    @Test
    void aShadowReplayMatchesEveryLiveViewAndShowsARowThatWasTamperedWith() {
        String subject = Http.postJson(url("/api/subjects"), Subjects.registration(Subjects.uniqueRegistrationNumber()))
                .json().get("id").asText();
        assertThat(Http.get(url("/api/subjects/" + subject + "?minVersion=0")).status()).isEqualTo(200);
        for (String view : List.of("register", "subjects", "support-ledger", "programme-plans", "evaluations")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> status(view).get("caughtUp").asBoolean());
        }

        for (String view : List.of("register", "subjects", "support-ledger", "programme-plans", "evaluations")) {
            JsonNode verdict = verify(view);
            assertThat(verdict.get("equal").asBoolean()).as(view + ": " + verdict).isTrue();
            assertThat(verdict.get("eventsReplayed").asLong()).isPositive();
        }

        String name = jdbc.queryForObject("select name from subject_view where subject_id = ?", String.class, subject);
        jdbc.update("update subject_view set name = 'Tên bị sửa' where subject_id = ?", subject);
        try {
            JsonNode verdict = verify("subjects");
            assertThat(verdict.get("equal").asBoolean()).isFalse();
            assertThat(verdict.at("/tables/0/onlyInLive").asLong()).isEqualTo(1);
            assertThat(verdict.at("/tables/0/onlyInShadow").asLong()).isEqualTo(1);
            assertThat(verdict.at("/tables/0/examplesOnlyInLive/0/name").asText()).isEqualTo("Tên bị sửa");
            assertThat(verdict.at("/tables/0/examplesOnlyInShadow/0/name").asText()).isEqualTo(name);
        } finally {
            jdbc.update("update subject_view set name = ? where subject_id = ?", name, subject);
        }
        assertThat(verify("subjects").get("equal").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from information_schema.schemata where schema_name = "
                + "'ocop_shadow'", Long.class)).isZero();
    }

    private JsonNode verify(String view) {
        Http.Response response = Http.post(url("/api/admin/projections/" + view + "/verification"), null, "",
                Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode status(String name) {
        return Http.get(url("/api/admin/projections/" + name + "/status")).json();
    }

    private List<Map<String, Object>> rows() {
        return new ArrayList<>(jdbc.queryForList("select * from subject_view order by subject_id"));
    }
}
