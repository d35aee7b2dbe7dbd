package vn.ocop.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain HTTP client for tests: sends exactly the bytes given, so malformed requests stay malformed. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, one header lookup and the body, parsed as JSON on demand. */
    public record Response(int status, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        /** The problem document without what differs between any two requests (correlation id, instance). */
        public JsonNode problemOfAnyRequest() {
            com.fasterxml.jackson.databind.node.ObjectNode problem = json().deepCopy();
            problem.remove("correlationId");
            problem.remove("instance");
            problem.put("status", status);
            return problem;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Http() {
    }

    public static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
    }

    public static Response get(String url, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    public static Response post(String url, String contentType, String body, Map<String, String> headers) {
        return request("POST", url, contentType, body, headers);
    }

    public static Response request(String method, String url, String contentType, String body,
                                   Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, headers);
    }

    public static Response postJson(String url, String body) {
        return post(url, "application/json", body, Map.of());
    }

    /** The header that says "send no credentials": an {@code Authorization} of {@value #ANONYMOUS}. */
    public static final String ANONYMOUS = "";

    /** A download as the tests' administrator, its body as bytes. */
    public static HttpResponse<byte[]> download(String url, String accept) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", accept)
                    .header("Authorization", TestAccounts.administrator().basic()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends as the tests' administrator unless {@code headers} name other credentials (or {@link #ANONYMOUS}).
     */
    private static Response send(HttpRequest.Builder request, Map<String, String> headers) {
        String authorization = headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Authorization")).map(Map.Entry::getValue)
                .findFirst().orElse(TestAccounts.administrator().basic());
        headers.entrySet().stream().filter(header -> !header.getKey().equalsIgnoreCase("Authorization"))
                .forEach(header -> request.header(header.getKey(), header.getValue()));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
