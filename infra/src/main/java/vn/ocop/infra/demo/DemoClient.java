package vn.ocop.infra.demo;

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
 * The service's command API as the demo calls it, over the loopback interface: JSON in and out, signed in as
 * one account, waiting when the write limit says so. A refused command is counted by its problem type and does
 * not stop the story: the record simply stays at the step it reached.
 */
final class DemoClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;
    private final AtomicLong accepted = new AtomicLong();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    DemoClient(String base, String username, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The answer's JSON when the command was accepted; null when it was refused. */
    JsonNode post(String path, String body) {
        return send("POST", path, body, null);
    }

    JsonNode patch(String path, String body, long expectedVersion) {
        return send("PATCH", path, body, "\"" + expectedVersion + "\"");
    }

    /** The id a creating command's answer names (the new record, or what it created inside one). */
    static String id(JsonNode answer) {
        if (answer == null) {
            return null;
        }
        JsonNode created = answer.get("createdId");
        return created != null && !created.isNull() ? created.asText() : answer.get("id").asText();
    }

    long accepted() {
        return accepted.get();
    }

    Map<String, Long> refused() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        refused.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    private JsonNode send(String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (int retry = 0; response.statusCode() == 429 && retry < 20; retry++) {
                // the service's write limit holds for the demo's account too: wait as it says
                Thread.sleep(1000L * response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            JsonNode answer = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() / 100 == 2) {
                accepted.incrementAndGet();
                return answer;
            }
            String type = answer.path("type").asText("http-" + response.statusCode());
            refused.computeIfAbsent(method + " " + path.replaceAll("/[0-9a-f-]{36}", "/{id}") + " → "
                    + type.substring(type.lastIndexOf(':') + 1), key -> new LongAdder()).increment();
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
