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
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.Reliability;
import vn.ocop.infra.ServiceTest;

/**
 * Many senders at once, on one record and over many, with valid and invalid commands mixed: afterwards the
 * store holds, per record, contiguous sequences with exactly one event per acknowledged command and none for a
 * refused one, and the view reflects the last of them.
 */
class ConcurrencyInvariantsTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Acknowledged versions per subject, and the answers that were not 2xx, by status. Many senders add to one
     * record's set at once, so the sets are concurrent ones (a plain tree set loses additions under the race).
     */
    private final Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();

    /** The full run ({@code -Docop.reliability=full}) spreads the mixed load over 1,000 subjects. */
    private static final boolean FULL = Reliability.full();

    @Test
    void conflictingAndMixedCommandsLeaveOneEventPerAcknowledgedCommand() throws Exception {
        Api api = new Api(url(""));
        String contended = api.registerSubject();
        String subjectOfProduct = api.registerSubject();
        String product = api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Cà phê Đăk Hà", "groupCode": "III", "criteriaSetCode": "18", "communeCode": "23374",
                 "registeredOn": "2024-03-01"}""".formatted(subjectOfProduct)).get("id").asText();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < (FULL ? 1000 : 40); i++) {
            subjects.add(api.registerSubject());
        }
        subjects.forEach(subject -> acknowledged.put(subject, new ConcurrentSkipListSet<>()));
        acknowledged.put(contended, new ConcurrentSkipListSet<>());
        acknowledged.put(product, new ConcurrentSkipListSet<>());

        run(32, 6, (random, thread) -> rename(contended, "Hợp tác xã " + thread + "-" + random.nextInt(1000)));
        // Conflicting steps on one product: one idea decision can win, a plan is submitted once, a key product
        // is designated once; everything else is refused by the rules or loses the race.
        run(32, 4, (random, thread) -> {
            String path = "/api/products/" + product;
            switch (random.nextInt(4)) {
                case 0 -> answer(product, Http.postJson(url(path + "/idea-decision"),
                        Api.stepDecision(true, "DISTRICT", "2024-03-15")));
                case 1 -> answer(product, Http.postJson(url(path + "/idea-decision"),
                        Api.stepDecision(false, "DISTRICT", "2024-03-16")));
                case 2 -> answer(product, Http.postJson(url(path + "/business-plan"), """
                        {"submittedOn": "2024-04-01", "title": "Phương án %d"}""".formatted(thread)));
                default -> answer(product, Http.postJson(url(path + "/key-product"), """
                        {"decision": %s}""".formatted(Api.decision("DISTRICT", "2024-04-10"))));
            }
        });
        int commandsEach = FULL ? 200 : 40;
        run(16, commandsEach, (random, thread) -> {
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
        List<String> productEvents = jdbc.queryForList("select payload_type from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", String.class, product);
        assertThat(productEvents.stream().filter(type -> type.endsWith("IdeaAccepted") || type.endsWith("IdeaReturned")))
                .as("one idea decision won").hasSize(1);
        assertThat(productEvents.stream().filter(type -> type.endsWith("BusinessPlanSubmitted")).count())
                .isLessThanOrEqualTo(1);

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
            if (!subject.getKey().equals(product)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                        "select version from subject_view where subject_id = ?", Long.class, subject.getKey()) == last);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) = count(distinct event_identifier) from domain_event_entry",
                Boolean.class)).isTrue();
        // 503 is the answer when every connection stays busy past the pool's timeout (threads queue on the one
        // aggregate holding connections): a retryable refusal with Retry-After, checked where it is answered.
        assertThat(refused.keySet()).as("refusals are conflicts, rules, bad input or 'busy, retry', never errors")
                .allMatch(status -> (status >= 400 && status < 500) || status == 503);
        assertThat(refused.getOrDefault(409, new AtomicInteger()).get() + refused.getOrDefault(422,
                new AtomicInteger()).get()).as("some commands broke a rule or lost a race").isPositive();

        Reliability.record("concurrency: subjects=" + subjects.size() + " acknowledged=" + acknowledgedCommands
                + " refused by status=" + new java.util.TreeMap<>(refused) + " (events found = acknowledged)");
        // Every view's rows equal what the events imply: the service's own rebuild into a shadow, row by row.
        for (String view : List.of("subjects", "register")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(url("/api/admin/projections/" + view
                    + "/status")).json().get("caughtUp").asBoolean());
            Http.Response verdict = Http.postJson(url("/api/admin/projections/" + view + "/verification"), "");
            assertThat(verdict.json().get("equal").asBoolean()).as(view + ": " + verdict.body()).isTrue();
        }
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
            if (response.status() == 503) {
                assertThat(response.header("Retry-After")).as("a 503 says when to retry").isNotBlank();
                assertThat(response.json().get("type").asText()).isEqualTo("urn:ocop:problem:database-unavailable");
            }
            refused.computeIfAbsent(response.status(), status -> new AtomicInteger()).incrementAndGet();
        }
    }
}
