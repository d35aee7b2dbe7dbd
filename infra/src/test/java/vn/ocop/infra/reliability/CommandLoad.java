package vn.ocop.infra.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import vn.ocop.infra.Subjects;
import vn.ocop.infra.TestAccounts;

/**
 * Clients that keep registering and renaming subjects, every request under an {@code Idempotency-Key}, and
 * keep a ledger of every answer. A request without a final answer — no response, 503, or 409 "in progress" — is
 * sent again later with the same key and body, as a careful client does; {@link #settle} finishes them all.
 */
final class CommandLoad {

    /** What one attempt of a request got back. */
    enum Outcome {
        /** 2xx: the command is acknowledged. */
        ACKNOWLEDGED,
        /** 4xx other than "in progress": refused, final. */
        REFUSED,
        /** 503 with Retry-After: try again. */
        UNAVAILABLE,
        /** 409 request-in-progress with Retry-After: try again. */
        IN_PROGRESS,
        /** No response at all (connection refused or cut, timeout): the outcome is unknown, try again. */
        NO_ANSWER,
        /** Anything else — a 500, a 503 without Retry-After: a defect. */
        FAILED
    }

    record Attempt(Outcome outcome, int status, String body, Instant at, String node) {
    }

    /** A request as sent (again and again, identically) and the answers it got. */
    static final class Request {
        final String key = UUID.randomUUID().toString();
        final String method;
        final String path;
        final String body;
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();

        Request(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        boolean settled() {
            return !attempts.isEmpty() && final_(attempts.get(attempts.size() - 1).outcome());
        }

        Attempt last() {
            return attempts.get(attempts.size() - 1);
        }

        private static boolean final_(Outcome outcome) {
            return outcome == Outcome.ACKNOWLEDGED || outcome == Outcome.REFUSED || outcome == Outcome.FAILED;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Supplier<List<String>> nodes;
    private final Map<String, Request> ledger = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    /** @param nodes the base URLs to send to, chosen at random per attempt (read again each time) */
    CommandLoad(Supplier<List<String>> nodes) {
        this.nodes = nodes;
    }

    void start(int clients) {
        running = true;
        for (int i = 0; i < clients; i++) {
            Random random = new Random(i);
            Thread worker = new Thread(() -> work(random), "load-" + i);
            workers.add(worker);
            worker.start();
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join();
        }
        workers.clear();
    }

    /** Sends every request without a final answer again until it has one, or the time is up. */
    void settle(Duration within) {
        Instant deadline = Instant.now().plus(within);
        for (Request request : ledger.values()) {
            while (!request.settled() && Instant.now().isBefore(deadline)) {
                send(request, new Random());
                if (!request.settled()) {
                    ServiceProcess.sleep(500);
                }
            }
        }
    }

    Collection<Request> requests() {
        return ledger.values();
    }

    /** All attempts' answers, in no order. */
    List<Attempt> attempts() {
        return ledger.values().stream().flatMap(request -> request.attempts.stream()).toList();
    }

    private void work(Random random) {
        List<String> subjects = new ArrayList<>();
        List<Request> unsettled = new ArrayList<>();
        while (running) {
            Request request;
            if (!unsettled.isEmpty()) {
                request = unsettled.remove(0);
            } else if (subjects.isEmpty() || random.nextInt(3) == 0) {
                request = new Request("POST", "/api/subjects",
                        Subjects.registration(Subjects.uniqueRegistrationNumber()));
            } else {
                request = new Request("PATCH", "/api/subjects/" + subjects.get(random.nextInt(subjects.size())),
                        "{\"name\": \"Hợp tác xã " + random.nextInt(1_000_000) + "\"}");
            }
            ledger.putIfAbsent(request.key, request);
            Attempt attempt = send(request, random);
            if (!request.settled()) {
                unsettled.add(request);
                ServiceProcess.sleep(attempt.outcome() == Outcome.NO_ANSWER ? 200 : 500);
            } else if (attempt.outcome() == Outcome.ACKNOWLEDGED && request.method.equals("POST")) {
                subjects.add(id(attempt));
            }
        }
    }

    private Attempt send(Request request, Random random) {
        List<String> live = nodes.get();
        String node = live.get(random.nextInt(live.size()));
        Attempt attempt;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node + request.path))
                    .timeout(Duration.ofSeconds(15))
                    .method(request.method, HttpRequest.BodyPublishers.ofString(request.body))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", request.key)
                    .header("Authorization", TestAccounts.administrator().basic())
                    .build(), HttpResponse.BodyHandlers.ofString());
            attempt = new Attempt(classify(response), response.statusCode(), response.body(), Instant.now(), node);
        } catch (IOException e) {
            attempt = new Attempt(Outcome.NO_ANSWER, 0, e.toString(), Instant.now(), node);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt = new Attempt(Outcome.NO_ANSWER, 0, e.toString(), Instant.now(), node);
        }
        request.attempts.add(attempt);
        return attempt;
    }

    private static Outcome classify(HttpResponse<String> response) {
        int status = response.statusCode();
        boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
        if (status / 100 == 2) {
            return Outcome.ACKNOWLEDGED;
        }
        if (status == 503 && retryAfter) {
            return Outcome.UNAVAILABLE;
        }
        if (status == 409 && retryAfter && response.body().contains("request-in-progress")) {
            return Outcome.IN_PROGRESS;
        }
        return status / 100 == 4 ? Outcome.REFUSED : Outcome.FAILED;
    }

    static String id(Attempt acknowledged) {
        return json(acknowledged).get("id").asText();
    }

    static long version(Attempt acknowledged) {
        return json(acknowledged).get("version").asLong();
    }

    private static JsonNode json(Attempt attempt) {
        try {
            return JSON.readTree(attempt.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + attempt.body(), e);
        }
    }
}
