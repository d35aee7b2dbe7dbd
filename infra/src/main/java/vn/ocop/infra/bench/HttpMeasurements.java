package vn.ocop.infra.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The HTTP path as a client meets it — authentication, validation, an idempotency key per command, the JSON
 * both ways: throughput from 16 clients, latency at a fixed rate of 500 requests per second (measured from
 * each request's scheduled time, so a stall counts against every request it delays), and the projection's lag
 * from a command's acknowledgement to its row in the view.
 */
final class HttpMeasurements {

    /** Receives a row of the table: what, value, unit, ratio (or null). */
    interface Rows {
        void row(String what, double value, String unit, Double ratio);
    }

    private static final int CLIENTS = 16;
    private static final int FIXED_RATE = 500;
    private static final int LAG_SAMPLES = 200;

    private final BenchClient http;
    private final Duration each;
    private final Duration warmUp;
    private final Rows rows;
    private final Map<String, Object> results;
    private final Runnable settle;

    HttpMeasurements(ConfigurableApplicationContext service, String authorization, Duration each, Duration warmUp,
                     Rows rows, Map<String, Object> results, Runnable settle) {
        this.http = new BenchClient(((WebServerApplicationContext) service).getWebServer().getPort(), authorization);
        this.each = each;
        this.warmUp = warmUp;
        this.rows = rows;
        this.results = results;
        this.settle = settle;
    }

    void measure(JdbcTemplate jdbc) throws Exception {
        register(); // signs in once, so that the password's hash is checked before the clock starts
        // The HTTP path's own code (the server, sign-in, validation, the JSON) is compiled during a warm-up, as
        // the in-process commands' is: measured cold, a quick run's point spent four tenths of the processors'
        // time in the compiler.
        fromClients(warmUp);
        settle.run();
        long commitsBefore = Benchmarks.commits(jdbc);
        long started = System.nanoTime();
        long done = fromClients(each);
        double throughput = done / ((System.nanoTime() - started) / 1e9);
        settle.run();
        double commits = (Benchmarks.commits(jdbc) - commitsBefore) / (double) Math.max(1, done);
        rows.row("HTTP commands (sign-in, validation, idempotency key), " + CLIENTS + " clients", throughput,
                "commands/s", null);
        results.put("httpCommandsPerSecond", throughput);
        rows.row("database commits per HTTP command, projections and chain included", commits, "commits", null);
        results.put("commitsPerHttpCommand", commits);

        settle.run();
        List<Double> latencies = fixedRate();
        rows.row("HTTP commands at " + FIXED_RATE + "/s: p50", percentile(latencies, 50), "ms", null);
        rows.row("HTTP commands at " + FIXED_RATE + "/s: p95", percentile(latencies, 95), "ms", null);
        rows.row("HTTP commands at " + FIXED_RATE + "/s: p99", percentile(latencies, 99), "ms", null);
        results.put("httpLatencyMsAtFixedRate", Map.of("rate", FIXED_RATE, "requests", latencies.size(),
                "p50", percentile(latencies, 50), "p95", percentile(latencies, 95), "p99", percentile(latencies, 99)));

        settle.run();
        List<Double> lags = new ArrayList<>();
        for (int i = 0; i < LAG_SAMPLES; i++) {
            String id = register();
            long acknowledged = System.nanoTime();
            while (jdbc.queryForList("select 1 from subject_view where subject_id = ?", id).isEmpty()) {
                Thread.onSpinWait();
            }
            lags.add((System.nanoTime() - acknowledged) / 1e6);
        }
        rows.row("projection lag, acknowledgement to the subjects view: p50", percentile(lags, 50), "ms", null);
        rows.row("projection lag, acknowledgement to the subjects view: p99", percentile(lags, 99), "ms", null);
        results.put("projectionLagMs", Map.of("samples", lags.size(), "p50", percentile(lags, 50),
                "p99", percentile(lags, 99)));
    }

    /** Registrations sent one after another by each of {@value #CLIENTS} clients for {@code period}: how many. */
    private long fromClients(Duration period) throws Exception {
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + period.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < until) {
                        register();
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
        return done.get();
    }

    /** Requests started on a fixed schedule; each latency counts from when it was due, not when it was sent. */
    private List<Double> fixedRate() throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(1) / FIXED_RATE;
        int count = (int) (each.toSeconds() * FIXED_RATE);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sent.add(senders.submit(() -> {
                    register();
                    latencies.add((System.nanoTime() - due) / 1e6);
                    return null;
                }));
            }
            for (Future<?> request : sent) {
                request.get();
            }
        } finally {
            senders.shutdown();
        }
        return latencies;
    }

    /** Registers a subject over HTTP and answers its id; anything but 201 stops the benchmark. */
    private String register() throws IOException {
        String body = """
                {"legalForm": "COOPERATIVE", "name": "Hợp tác xã Đo lường", "registrationNumber": "%s",
                 "communeCode": "23374", "representative": {"fullName": "Người Đo", "position": "Giám đốc"}}"""
                .formatted(Benchmarks.nextRegistrationNumber());
        BenchClient.Response response = http.post("/api/subjects", body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        if (response.status() != 201) {
            throw new IllegalStateException("registration answered " + response.status() + ": " + response.body());
        }
        String json = response.body();
        int at = json.indexOf("\"id\":\"") + 6;
        return json.substring(at, json.indexOf('"', at));
    }

    static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
