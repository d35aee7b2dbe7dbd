package vn.ocop.infra.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Http;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.ViewsProcessor;

/**
 * What must hold after any fault: read from the store itself, not from the service's answers. Every
 * acknowledged command's event is there, once; no event lacks its request; sequences are contiguous and
 * event ids unique; every view equals a fresh rebuild; the hash chain verifies over every event.
 */
final class StoreInvariants {

    /** What was counted, for the closing figures. */
    record Figures(long requests, long attempts, long acknowledged, long refused, long unavailable, long inProgress,
                   long noAnswer, long events) {
        @Override
        public String toString() {
            return "requests=" + requests + " attempts=" + attempts + " acknowledged=" + acknowledged
                    + " refused=" + refused + " 503=" + unavailable + " 409-in-progress=" + inProgress
                    + " no-answer=" + noAnswer + " events=" + events;
        }
    }

    private StoreInvariants() {
    }

    /** The ledger against the store; every request must have settled, and the load wrote every event. */
    static Figures check(CommandLoad load, JdbcTemplate jdbc) {
        return check(load, jdbc, java.util.Set.of());
    }

    /**
     * The same, where events without an idempotency key are allowed on {@code otherAggregates} (records the
     * test made outside the load, and deadlines' events on them).
     */
    static Figures check(CommandLoad load, JdbcTemplate jdbc, java.util.Set<String> otherAggregates) {
        List<CommandLoad.Attempt> attempts = load.attempts();
        assertThat(attempts).as("no answer but 2xx, 4xx, 503 with Retry-After or 409 in progress")
                .noneMatch(attempt -> attempt.outcome() == CommandLoad.Outcome.FAILED);
        assertThat(load.requests()).as("every request settled").allMatch(CommandLoad.Request::settled);
        assertThat(load.requests()).as("no request refused (the load sends only valid commands)")
                .noneMatch(request -> request.last().outcome() == CommandLoad.Outcome.REFUSED);

        Map<String, List<String>> eventsByKey = new HashMap<>();
        jdbc.query("""
                select aggregate_identifier, sequence_number,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey'
                from domain_event_entry""", row -> {
            eventsByKey.computeIfAbsent(String.valueOf(row.getString(3)), key -> new ArrayList<>())
                    .add(row.getString(1) + "@" + row.getLong(2));
        });
        for (CommandLoad.Request request : load.requests()) {
            List<CommandLoad.Attempt> acknowledged = request.attempts.stream()
                    .filter(attempt -> attempt.outcome() == CommandLoad.Outcome.ACKNOWLEDGED).toList();
            assertThat(acknowledged).as("every acknowledgement of one key is the same answer")
                    .extracting(CommandLoad.Attempt::body).containsOnly(acknowledged.get(0).body());
            CommandLoad.Attempt answer = acknowledged.get(0);
            assertThat(eventsByKey.get(request.key)).as("exactly one event for " + request.method + " "
                            + request.path + " under key " + request.key)
                    .containsExactly(CommandLoad.id(answer) + "@" + CommandLoad.version(answer));
        }
        List<String> unkeyed = eventsByKey.getOrDefault("null", List.of());
        assertThat(unkeyed).as("events without a key only on the records made outside the load")
                .allMatch(event -> otherAggregates.contains(event.substring(0, event.lastIndexOf('@'))));
        eventsByKey.remove("null");
        assertThat(eventsByKey.keySet()).as("no keyed event without a request of the load")
                .isSubsetOf(load.requests().stream().map(request -> request.key).collect(Collectors.toSet()));

        assertThat(jdbc.queryForObject("""
                select count(*) from (
                    select aggregate_identifier from domain_event_entry group by aggregate_identifier
                    having min(sequence_number) <> 0 or max(sequence_number) <> count(*) - 1) gaps""", Long.class))
                .as("per-aggregate sequences contiguous from 0").isZero();
        assertThat(jdbc.queryForObject("select count(*) = count(distinct event_identifier) from domain_event_entry",
                Boolean.class)).as("event ids unique").isTrue();

        Map<CommandLoad.Outcome, Long> counts = attempts.stream()
                .collect(Collectors.groupingBy(CommandLoad.Attempt::outcome, Collectors.counting()));
        return new Figures(load.requests().size(), attempts.size(),
                counts.getOrDefault(CommandLoad.Outcome.ACKNOWLEDGED, 0L),
                counts.getOrDefault(CommandLoad.Outcome.REFUSED, 0L),
                counts.getOrDefault(CommandLoad.Outcome.UNAVAILABLE, 0L),
                counts.getOrDefault(CommandLoad.Outcome.IN_PROGRESS, 0L),
                counts.getOrDefault(CommandLoad.Outcome.NO_ANSWER, 0L),
                jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
    }

    /**
     * Once every projection has caught up, each view equals its rebuild from the events (the service's own
     * shadow verification, row by row), and the hash chain verifies with an entry for every event.
     */
    static void viewsAndChainConverge(String queryNode, JdbcTemplate jdbc) {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode projections = Http.get(queryNode + "/api/admin/projections").json();
            for (JsonNode projection : projections) {
                if (!projection.get("caughtUp").asBoolean()) {
                    return false;
                }
            }
            return projections.size() > 0;
        });
        for (JsonNode projection : Http.get(queryNode + "/api/admin/projections").json()) {
            String name = projection.get("name").asText();
            if (name.equals("audit-chain")) {
                continue;
            }
            Http.Response verification = Http.postJson(queryNode + "/api/admin/projections/" + name
                    + "/verification", "");
            assertThat(verification.status()).as("verification of " + name).isEqualTo(200);
            assertThat(verification.json().get("equal").asBoolean())
                    .as(name + " equals its rebuild: " + verification.body() + "; tokens: " + jdbc.queryForList(
                            "select segment, owner, convert_from(token, 'UTF8') from token_entry "
                                    + "where processor_name = ?", ShadowReplay.TABLES.containsKey(name)
                                    ? ViewsProcessor.NAME : name)).isTrue();
        }
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode report = Http.get(queryNode + "/api/audit/verification").json();
            return report.get("intact").asBoolean() && report.get("entriesChecked").asLong() == events;
        });
    }
}
