package vn.ocop.infra.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;
import vn.ocop.query.common.ShadowReplay;

/** The rebuild endpoint: started on request, followed by its status, ending where the view was. */
class ProjectionRebuildTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ShadowReplay shadows;

    @Autowired
    PlatformTransactionManager transactionManager;

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
        JsonNode all = Http.get(url("/api/admin/projections")).json();
        List<String> names = new ArrayList<>();
        all.forEach(projection -> names.add(projection.get("name").asText()));
        assertThat(names).contains("register", "subjects", "support-ledger", "programme-plans");
        assertThat(Http.post(url("/api/admin/projections/nothing/rebuild"), null, "", Map.of()).status())
                .isEqualTo(404);
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
