package vn.ocop.infra.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.StoredEvents;
import vn.ocop.infra.Subjects;

/** How every command endpoint answers repeats, stale versions and concurrent writers. */
class CommandSemanticsTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(url(""));
    }

    @Test
    void theSameIdempotencyKeyWithTheSameBodyAnswersTheFirstResponseAgain() {
        String body = Subjects.registration(Subjects.uniqueRegistrationNumber());
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Http.Response first = api.post("/api/subjects", body, key);
        Http.Response again = api.post("/api/subjects", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(StoredEvents.typesOf(jdbc, first.json().get("id").asText())).containsExactly("SubjectRegistered");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefusedAndWritesNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        api.post("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber()), key);
        long events = eventCount();

        Http.Response other = api.post("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber()), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asText()).isEqualTo("urn:ocop:problem:idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void concurrentRequestsWithOneKeyAreCarriedOutOnceAndRetriesGetTheFirstAnswer() throws Exception {
        String body = Subjects.registration(Subjects.uniqueRegistrationNumber());
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Http.Response> responses;
        try {
            responses = pool.invokeAll(IntStream.range(0, 3)
                    .mapToObj(i -> (Callable<Http.Response>) () -> api.post("/api/subjects", body, key))
                    .toList()).stream().map(future -> {
                        try {
                            return future.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        } finally {
            pool.shutdown();
        }
        // Each concurrent copy was either carried out, answered as the first was, or told the first is in flight.
        for (Http.Response response : responses) {
            if (response.status() != 201) {
                assertThat(response.status()).isEqualTo(409);
                assertThat(response.json().get("type").asText()).isEqualTo("urn:ocop:problem:request-in-progress");
                assertThat(response.header("Retry-After")).isEqualTo("1");
            }
        }
        Http.Response first = responses.stream().filter(response -> response.status() == 201).findFirst()
                .orElseGet(() -> api.post("/api/subjects", body, key));
        assertThat(first.status()).isEqualTo(201);

        List<Http.Response> retries = IntStream.range(0, 3).mapToObj(i -> api.post("/api/subjects", body, key))
                .toList();

        assertThat(retries).extracting(Http.Response::status).containsOnly(201);
        assertThat(retries).extracting(Http.Response::body).containsOnly(first.body());
        assertThat(responses.stream().filter(response -> response.status() == 201))
                .extracting(Http.Response::body).containsOnly(first.body());
        assertThat(StoredEvents.typesOf(jdbc, first.json().get("id").asText())).containsExactly("SubjectRegistered");
    }

    @Test
    void aRetryWhileTheFirstRequestIsInFlightIsAConflictToRetryLater() throws Exception {
        String body = Subjects.registration(Subjects.uniqueRegistrationNumber());
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, String> key = Map.of("Idempotency-Key", idempotencyKey);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection blocker = dataSource.getConnection()) {
            // An uncommitted record under the same key holds the first request at its commit: it is in flight.
            blocker.setAutoCommit(false);
            try (PreparedStatement hold = blocker.prepareStatement("insert into idempotency_record "
                    + "(idempotency_key, request_fingerprint, aggregate_id, response_status, aggregate_version) "
                    + "values (?, 'held', 'held', 201, 0)")) {
                hold.setString(1, idempotencyKey);
                hold.executeUpdate();
            }
            CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(
                    () -> api.post("/api/subjects", body, key), pool);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from pg_locks where locktype = 'advisory' and granted and classid = ?",
                    Integer.class, 0x1D3E_0001) == 1);

            Http.Response retry = api.post("/api/subjects", body, key);

            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.json().get("type").asText()).isEqualTo("urn:ocop:problem:request-in-progress");
            assertThat(retry.header("Retry-After")).isEqualTo("1");
            assertThat(first).isNotDone();
            blocker.rollback();

            Http.Response answered = first.get(20, TimeUnit.SECONDS);
            assertThat(answered.status()).isEqualTo(201);
            Http.Response later = api.post("/api/subjects", body, key);
            assertThat(later.status()).isEqualTo(201);
            assertThat(later.body()).isEqualTo(answered.body());
            assertThat(StoredEvents.typesOf(jdbc, answered.json().get("id").asText()))
                    .containsExactly("SubjectRegistered");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void ifMatchWithTheCurrentVersionIsAcceptedAndAStaleOneIsRefused() {
        String subject = api.registerSubject();
        String rename = """
                {"name": "HTX Dược liệu Măng Ri"}""";

        Http.Response current = patch(subject, rename, "\"0\"");
        Http.Response stale = patch(subject, """
                {"name": "HTX Dược liệu Ngọc Linh"}""", "\"0\"");

        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).isEqualTo(1);
        assertThat(current.header("ETag")).isEqualTo("\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asText()).isEqualTo("urn:ocop:problem:stale-version");
        assertThat(StoredEvents.typesOf(jdbc, subject)).containsExactly("SubjectRegistered", "SubjectProfileUpdated");
    }

    @Test
    void aMalformedIfMatchIsABadRequest() {
        String subject = api.registerSubject();

        Http.Response response = patch(subject, "{\"name\": \"Tên mới\"}", "yesterday");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:ocop:problem:invalid-header");
    }

    @Test
    void aCommandOnAnUnknownAggregateIsNotFound() {
        Http.Response response = patch(UUID.randomUUID().toString(), "{\"name\": \"Tên mới\"}", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:ocop:problem:not-found");
    }

    /**
     * Another node appends the subject's next event while this node's command is in flight: the unique
     * (aggregate, sequence) index lets one win, and the other answers 409, not 500.
     */
    @Test
    void aConcurrentWriterMakesTheLaterCommandAConflict() throws Exception {
        String subject = api.registerSubject();
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            appendProfileUpdate(otherNode, subject, 1);
            CompletableFuture<Http.Response> inFlight = CompletableFuture.supplyAsync(
                    () -> patch(subject, "{\"name\": \"HTX Sâm Tu Mơ Rông\"}", null));
            // The command waits on the unique index for the other node's uncommitted row.
            TimeUnit.MILLISECONDS.sleep(1500);
            assertThat(inFlight).isNotDone();
            otherNode.commit();

            Http.Response response = inFlight.get(10, TimeUnit.SECONDS);

            assertThat(response.status()).isEqualTo(409);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.json().get("type").asText()).isEqualTo("urn:ocop:problem:concurrent-modification");
        }
        assertThat(StoredEvents.typesOf(jdbc, subject)).containsExactly("SubjectRegistered", "SubjectProfileUpdated");
    }

    private Http.Response patch(String subjectId, String body, String ifMatch) {
        return api.patch("/api/subjects/" + subjectId, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static void appendProfileUpdate(Connection connection, String subjectId, long sequence)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                values (?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), '1',
                    'vn.ocop.events.subject.SubjectEvent$SubjectProfileUpdated', ?, ?, ?, 'Subject')""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "{\"subjectId\":\"" + subjectId + "\",\"name\":\"HTX của nút khác\"}");
            insert.setString(3, java.time.Instant.now().toString());
            insert.setString(4, subjectId);
            insert.setLong(5, sequence);
            insert.executeUpdate();
        }
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
