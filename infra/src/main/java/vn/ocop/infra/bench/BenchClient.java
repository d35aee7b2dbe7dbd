package vn.ocop.infra.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The benchmark's HTTP client: the JDK's plain blocking connection, kept open between requests as a browser keeps
 * it. The clients run beside the service on the same processors; this one leaves them more than the JDK's
 * asynchronous client, whose selector and futures cost more than the service's own work for a small answer
 * (four clients reading the overview: 522 against 359 requests/s).
 */
final class BenchClient {

    /**
     * An answer: its status and body, read whole as it arrives and decoded only when asked for, so that the clients
     * do not spend the processors they share with the service on decoding answers nobody reads.
     */
    record Response(int status, byte[] bytes) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static {
        // connections kept open per server: one per client thread, up to the fixed-rate point's 64 senders
        System.setProperty("http.maxConnections", "64");
    }

    private final String base;
    private final String authorization;

    BenchClient(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    Response get(String path) throws IOException {
        return exchange(open(path, "GET"));
    }

    Response post(String path, String json, Map<String, String> headers) throws IOException {
        HttpURLConnection connection = open(path, "POST");
        connection.setRequestProperty("Content-Type", "application/json");
        headers.forEach(connection::setRequestProperty);
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return exchange(connection);
    }

    private HttpURLConnection open(String path, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Authorization", authorization);
        connection.setConnectTimeout(60_000);
        connection.setReadTimeout(30 * 60_000);
        return connection;
    }

    /** Reads the whole answer, error or not, so that the connection can serve the next request. */
    private static Response exchange(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        if (body != null) {
            try (body) {
                body.transferTo(read);
            }
        }
        return new Response(status, read.toByteArray());
    }
}
