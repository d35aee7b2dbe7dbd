package vn.ocop.infra.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/**
 * Many senders at once, on one record and over many, with valid and invalid commands mixed: afterwards the
 * store holds, per record, contiguous sequences with exactly one event per acknowledged command and none for a
 * refused one, and the view reflects the last of them.
 */
class ConcurrencyInvariantsTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    /** Acknowledged versions per subject, and the answers that were not 2xx, by status. */
    private final Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();

    @Test
    void conflictingAndMixedCommandsLeaveOneEventPerAcknowledgedCommand() throws Exception {
        Api api = new Api(url(""));
        String contended = api.registerSubject();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            subjects.add(api.registerSubject());
        }
        subjects.forEach(subject -> acknowledged.put(subject, new TreeSet<>()));
        acknowledged.put(contended, new TreeSet<>());

        run(32, 6, (random, thread) -> rename(contended, "Hợp tác xã " + thread + "-" + random.nextInt(1000)));
        run(16, 40, (random, thread) -> {
            String subject = subjects.get(random.nextInt(subjects.size()));
            switch (random.nextInt(5)) {
                case 0, 1 -> rename(subject, "HTX " + random.nextInt(100_000));
                case 2 -> standing(subject, List.of("SUSPEND", "REINSTATE", "DISSOLVE").get(random.nextInt(3)));
                case 3 -> answer(subject, Http.request("PATCH", url("/api/subjects/" + subject), "application/json",
                        "{\"name\": 42}", Map.of()));
                default -> answer(subject, Http.request("PATCH", url("/api/subjects/" + subject),
                        "application/json", "{\"name\": \"HTX\", \"stars\": 5}", Map.of()));
            }
        });

        long acknowledgedCommands = acknowledged.values().stream().mapToLong(Set::size).sum();
        assertThat(acknowledgedCommands).isGreaterThan(100);
        for (Map.Entry<String, Set<Long>> subject : acknowledged.entrySet()) {
            List<Long> sequences = jdbc.queryForList("select sequence_number from domain_event_entry "
                    + "where aggregate_identifier = ? order by sequence_number", Long.class, subject.getKey());
            List<Long> contiguous = new ArrayList<>();
            for (long s = 0; s < sequences.size(); s++) {
                contiguous.add(s);
            }
            assertThat(sequences).as("contiguous sequences of " + subject.getKey()).isEqualTo(contiguous);
            Set<Long> expected = new TreeSet<>(contiguous.subList(1, contiguous.size()));
            assertThat(subject.getValue()).as("one event per acknowledged command, none for a refused one")
                    .isEqualTo(expected);
            long last = sequences.get(sequences.size() - 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select version from subject_view where subject_id = ?", Long.class, subject.getKey()) == last);
        }
        assertThat(jdbc.queryForObject("select count(*) = count(distinct event_identifier) from domain_event_entry",
                Boolean.class)).isTrue();
        assertThat(refused.keySet()).as("refusals are conflicts, rules and bad input, never errors")
                .allMatch(status -> status >= 400 && status < 500);
        assertThat(refused.getOrDefault(409, new AtomicInteger()).get() + refused.getOrDefault(422,
                new AtomicInteger()).get()).as("some commands broke a rule or lost a race").isPositive();
    }

    private interface Sender {
        void send(Random random, int thread);
    }

    private void run(int threads, int commandsEach, Sender sender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    Random random = new Random(thread * 7919L);
                    for (int i = 0; i < commandsEach; i++) {
                        sender.send(random, thread);
                    }
                    return null;
                }));
            }
            for (Future<?> done : running) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void rename(String subject, String name) {
        answer(subject, Http.request("PATCH", url("/api/subjects/" + subject), "application/json",
                "{\"name\": \"" + name + "\"}", Map.of()));
    }

    private void standing(String subject, String change) {
        answer(subject, Http.postJson(url("/api/subjects/" + subject + "/status"), """
                {"change": "%s", "effectiveOn": "2026-03-01", "reason": "Kiểm tra"}""".formatted(change)));
    }

    private void answer(String subject, Http.Response response) {
        if (response.status() / 100 == 2) {
            acknowledged.get(subject).add(response.json().get("version").asLong());
        } else {
            refused.computeIfAbsent(response.status(), status -> new AtomicInteger()).incrementAndGet();
        }
    }
}
