package vn.ocop.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.bench.SyntheticHistories;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.ViewCheckpoints;
import vn.ocop.reference.AdministrativeUnits;

/**
 * Time travel from the views' checkpoints: a past state starts from the newest checkpoint holding only events
 * recorded by then, replays the events after it, and is what the live views showed at that instant — and a
 * checkpoint that may no longer be today's replay of its events is not used.
 */
class ViewCheckpointsTest extends ServiceTest {

    @Autowired
    ShadowReplay shadows;

    @Autowired
    ViewCheckpoints checkpoints;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AdministrativeUnits units;

    @Autowired
    PersonalDataVault vault;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    /** What the live views showed at an instant, and the newest event stored then. */
    private record Seen(Instant at, long head, JsonNode product, JsonNode overview) {
    }

    @BeforeEach
    void noCheckpoints() {
        checkpoints.dropAll();
    }

    @Test
    void aPastStateStartsFromTheNewestCheckpointRecordedByThenAndIsWhatTheLiveViewsShowed() {
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        String first = api.approvedProduct(subject, "2025-02-01");
        Seen before = see(first);
        String second = api.approvedProduct(subject, "2025-03-01");
        Seen atCheckpoint = see(second);
        api.approvedProduct(api.registerSubject(), "2025-02-15");
        Seen after = see(second);
        api.approvedProduct(subject, "2025-03-15"); // the present moves on past the last instant seen

        // one checkpoint, at the newest event stored when the second instant was seen
        List<ViewCheckpoints.Checkpoint> made = shadows.makeCheckpoints(eventsUpTo(atCheckpoint.head()), Instant.now());
        assertThat(made).extracting(ViewCheckpoints.Checkpoint::position).containsExactly(atCheckpoint.head());
        assertThat(made.get(0).recordedUpTo()).isBefore(atCheckpoint.at());

        String checkpointed = contentOf(made.get(0).schema());
        // before the checkpoint's events were all recorded: from the first event
        assertThat(startedFrom(before.at())).isZero();
        assertSameAsLive(before, first);
        // at it: nothing after it to replay
        ShadowReplay.Shadow there = shadow(atCheckpoint.at());
        assertThat(List.of(there.fromPosition(), there.eventsReplayed())).containsExactly(atCheckpoint.head(), 0L);
        assertSameAsLive(atCheckpoint, second);
        // later: the events after it, recorded by then
        ShadowReplay.Shadow later = shadow(after.at());
        assertThat(List.of(later.fromPosition(), later.eventsReplayed()))
                .containsExactly(atCheckpoint.head(), eventsUpTo(after.head()) - eventsUpTo(atCheckpoint.head()));
        assertSameAsLive(after, second);
        assertThat(checkpoints.storageBytes()).isPositive();

        // two replays from the one checkpoint at once: each answers as the live views did, and the checkpoint,
        // which they write within their rolled-back transactions, is left as it was
        CompletableFuture<JsonNode> one = CompletableFuture.supplyAsync(
                () -> Http.get(url("/api/dashboard/overview?asOf=" + after.at())).json());
        CompletableFuture<JsonNode> other = CompletableFuture.supplyAsync(
                () -> Http.get(url("/api/dashboard/overview?asOf=" + after.at())).json());
        assertThat(List.of(one.join(), other.join())).containsOnly(after.overview());
        assertThat(contentOf(made.get(0).schema())).isEqualTo(checkpointed);
    }

    @Test
    void aCheckpointOfOtherCodeOrOfEventsSinceChangedOrMadeBeforeAnOwnerWasForgottenIsNotUsed() {
        Api api = new Api(url(""));
        String product = api.approvedProduct(api.registerSubject(), "2025-02-01");
        Seen seen = see(product);
        ViewCheckpoints.Checkpoint made = shadows.makeCheckpoints(eventsUpTo(seen.head()), Instant.now()).get(0);
        assertThat(startedFrom(seen.at())).isEqualTo(made.position());

        // made by other code: not used, and dropped by the next maker with its tables
        jdbc.update("update view_checkpoint set views_code = 'other' where position = ?", made.position());
        assertThat(startedFrom(seen.at())).isZero();
        JsonNode listed = Http.get(url("/api/admin/time-travel/checkpoints")).json();
        assertThat(listed.at("/0/position").asLong()).isEqualTo(made.position());
        assertThat(listed.at("/0/usable").asBoolean()).isFalse();
        assertThat(listed.at("/0/notUsedBecause").asText()).isEqualTo("made by other code");
        assertSameAsLive(seen, product);
        List<ViewCheckpoints.Checkpoint> remade = shadows.makeCheckpoints(eventsUpTo(seen.head()), Instant.now());
        assertThat(remade).extracting(ViewCheckpoints.Checkpoint::position).containsExactly(made.position());
        assertThat(remade.get(0).madeAt()).isAfter(made.madeAt());
        assertThat(checkpoints.all()).extracting(ViewCheckpoints.Checkpoint::viewsCode)
                .containsExactly(made.viewsCode());
        made = remade.get(0);

        // an event below its position that it did not replay (one that committed late)
        jdbc.update("update view_checkpoint set events = events - 1 where position = ?", made.position());
        assertThat(startedFrom(seen.at())).isZero();
        jdbc.update("update view_checkpoint set events = events + 1 where position = ?", made.position());
        assertThat(startedFrom(seen.at())).isEqualTo(made.position());

        // an owner forgotten after it was made: its subjects' rows may hold what was forgotten
        vault.forget("owner-forgotten-after-a-checkpoint");
        assertThat(startedFrom(seen.at())).isZero();
        assertSameAsLive(seen, product);
        assertThat(shadows.makeCheckpoints(Long.MAX_VALUE, Instant.now())).isEmpty();
        assertThat(checkpoints.all()).isEmpty();
        assertThat(schemaExists(made.schema())).isFalse();
    }

    @Test
    void onlyEventsRecordedBeforeTheSettlingTimeAreCheckpointedAndOneMakerWorksAtATime() {
        Api api = new Api(url(""));
        Instant settledBefore = Instant.now();
        Seen seen = see(api.approvedProduct(api.registerSubject(), "2025-02-01"));
        long every = eventsUpTo(seen.head());
        assertThat(shadows.makeCheckpoints(every, settledBefore)).isEmpty();

        CompletableFuture<List<ViewCheckpoints.Checkpoint>> one =
                CompletableFuture.supplyAsync(() -> shadows.makeCheckpoints(every, Instant.now()));
        CompletableFuture<List<ViewCheckpoints.Checkpoint>> other =
                CompletableFuture.supplyAsync(() -> shadows.makeCheckpoints(every, Instant.now()));
        assertThat(one.join().size() + other.join().size()).isEqualTo(checkpoints.all().size()).isOne();
    }

    @Test
    void overThousandsOfEventsTheAnswerFromACheckpointIsTheAnswerFromTheFirstEvent() {
        SyntheticHistories histories = new SyntheticHistories(serializer, jdbc, vault, units, 30);
        histories.generate(1_500, 11);
        Instant halfway = Instant.now();
        await().pollDelay(Duration.ofMillis(5)).until(() -> Instant.now().isAfter(halfway.plusMillis(2)));
        histories.generate(1_500, 12);
        String overview = "/api/dashboard/overview?asOf=" + halfway;
        String register = "/api/products?size=50&asOf=" + halfway;
        JsonNode overviewFromFirst = Http.get(url(overview)).json();
        JsonNode registerFromFirst = Http.get(url(register)).json();

        List<ViewCheckpoints.Checkpoint> made = shadows.makeCheckpoints(500, Instant.now());
        assertThat(made).hasSizeGreaterThan(4);
        ShadowReplay.Shadow shadow = shadow(halfway);
        assertThat(shadow.fromPosition()).isPositive();
        assertThat(shadow.eventsReplayed()).isEqualTo(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where global_index > ? and time_stamp::timestamptz <= ?""", Long.class, shadow.fromPosition(),
                Timestamp.from(halfway)));
        assertThat(Http.get(url(overview)).json()).isEqualTo(overviewFromFirst);
        assertThat(Http.get(url(register)).json()).isEqualTo(registerFromFirst);
    }

    private long startedFrom(Instant at) {
        return shadow(at).fromPosition();
    }

    private ShadowReplay.Shadow shadow(Instant at) {
        return shadows.replayed(ShadowReplay.TABLES.keySet(), at, shadow -> shadow);
    }

    private void assertSameAsLive(Seen seen, String product) {
        assertThat(Http.get(url("/api/audit/products/" + product + "/state?asOf=" + seen.at())).json().get("state"))
                .as("product as of " + seen.at()).isEqualTo(seen.product());
        assertThat(Http.get(url("/api/dashboard/overview?asOf=" + seen.at())).json())
                .as("overview as of " + seen.at()).isEqualTo(seen.overview());
    }

    private Seen see(String product) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode view : Http.get(url("/api/admin/projections")).json()) {
                if (!view.get("caughtUp").asBoolean() || view.get("position").asLong() < view.get("head").asLong()) {
                    return false;
                }
            }
            return true;
        });
        JsonNode entry = Http.get(url("/api/products/" + product)).json();
        JsonNode overview = Http.get(url("/api/dashboard/overview")).json();
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        Instant at = Instant.now();
        await().pollDelay(Duration.ofMillis(5)).until(() -> Instant.now().isAfter(at.plusMillis(2)));
        return new Seen(at, head, entry, overview);
    }

    /** A digest of every row of the register's and the subjects' tables in {@code schema}. */
    private String contentOf(String schema) {
        return jdbc.queryForObject("select (select md5(string_agg(r::text, ',' order by r.product_id)) from "
                + schema + ".product_register r) || (select md5(string_agg(s::text, ',' order by s.subject_id)) from "
                + schema + ".subject_view s) || (select md5(string_agg(t::text, ',' order by t::text)) from "
                + schema + ".register_tally t)", String.class);
    }

    private long eventsUpTo(long position) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
                position);
    }

    private boolean schemaExists(String schema) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from pg_namespace where nspname = ?)", Boolean.class, schema));
    }
}
