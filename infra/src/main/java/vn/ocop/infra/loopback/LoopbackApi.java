package vn.ocop.infra.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's own command API, called over the loopback interface by what records a history through it (the
 * demo programme, an import): JSON in and out, with the credentials and headers it was given, waiting when the
 * write limit says so. A refused command is counted by its problem type, and its problem kept for the caller.
 */
public final class LoopbackApi {

    /** A command's answer: its status and JSON (the problem when refused). */
    public record Answer(int status, JsonNode body) {

        public boolean accepted() {
            return status / 100 == 2;
        }

        /** The problem type's slug when refused, e.g. {@code commune-not-in-force}. */
        public String problem() {
            String type = body.path("type").asText("http-" + status);
            return type.substring(type.lastIndexOf(':') + 1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> headers;
    private final AtomicLong accepted = new AtomicLong();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    /** Calls {@code base} with {@code headers} on every request (credentials among them). */
    public LoopbackApi(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** Signed in with a name and password (HTTP Basic). */
    public static LoopbackApi signedIn(String base, String username, String password) {
        return new LoopbackApi(base, Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    /** The answer's JSON when the command was accepted; null when it was refused. */
    public JsonNode post(String path, String body) {
        Answer answer = send("POST", path, body, Map.of());
        return answer.accepted() ? answer.body() : null;
    }

    public JsonNode patch(String path, String body, long expectedVersion) {
        Answer answer = send("PATCH", path, body, Map.of("If-Match", "\"" + expectedVersion + "\""));
        return answer.accepted() ? answer.body() : null;
    }

    /** The whole answer, accepted or not, to a request with further {@code extra} headers. */
    public Answer send(String method, String path, String body, Map<String, String> extra) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        extra.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (int retry = 0; response.statusCode() == 429 && retry < 20; retry++) {
                // the service's write limit holds for these requests too: wait as it says
                Thread.sleep(1000L * response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            Answer answer = new Answer(response.statusCode(), json);
            if (answer.accepted()) {
                accepted.incrementAndGet();
            } else {
                refused.computeIfAbsent(method + " " + path.replaceAll("/[0-9a-f-]{36}", "/{id}").replaceAll("\\?.*", "")
                        + " → " + answer.problem(), key -> new LongAdder()).increment();
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id a creating command's answer names (the new record, or what it created inside one). */
    public static String id(JsonNode answer) {
        if (answer == null) {
            return null;
        }
        JsonNode created = answer.get("createdId");
        return created != null && !created.isNull() ? created.asText() : answer.get("id").asText();
    }

    public long accepted() {
        return accepted.get();
    }

    public Map<String, Long> refused() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        refused.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }
}
