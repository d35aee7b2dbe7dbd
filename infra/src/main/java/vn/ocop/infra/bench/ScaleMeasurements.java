package vn.ocop.infra.bench;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.query.audit.chain.ChainProcessor;
import vn.ocop.query.audit.chain.ChainVerifier;
import vn.ocop.query.audit.chain.SigningKey;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.ViewCheckpoints;
import vn.ocop.reference.AdministrativeUnits;

/**
 * The measurements at scale: a synthetic history ({@link SyntheticHistories}) of a million events in the full
 * run (a hundred thousand in the quick one: about 16,000 products, a national register) on top of what the run
 * recorded, written with the views stopped; then the live views catching up with it, and the audit chain after
 * them, each alone; then, on a settled service, the audit chain verified over all of it and every view rebuilt
 * from all of it (in a shadow copy: the path of shadow verification and time travel), each beside the sequential
 * read of the same table; the register and dashboard queries over it; and the dashboards as they stood halfway
 * through it.
 */
final class ScaleMeasurements {

    interface Rows {
        void row(String what, double value, String unit, Double ratio);
    }

    private static final int CLIENTS = 4;
    private static final int REQUESTS_PER_CLIENT = 100;

    private final ConfigurableApplicationContext service;
    private final Rows rows;
    private final Map<String, Object> results;
    private final long events;
    private final BenchClient http;

    ScaleMeasurements(ConfigurableApplicationContext service, String authorization, Rows rows,
                      Map<String, Object> results, boolean full) {
        this.service = service;
        this.http = new BenchClient(((WebServerApplicationContext) service).getWebServer().getPort(), authorization);
        this.rows = rows;
        this.results = results;
        this.events = full ? 1_000_000 : 100_000;
    }

    void measure(JdbcTemplate jdbc) throws Exception {
        SyntheticHistories generator = new SyntheticHistories(service.getBean("eventSerializer", Serializer.class),
                jdbc, service.getBean(PersonalDataVault.class), service.getBean(AdministrativeUnits.class));
        // written with the views stopped, so that writing and catching up are measured each on its own
        EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        Instant before = Instant.now();
        SyntheticHistories.Result first = generator.generate(events / 2, 1);
        Instant halfway = Instant.now();
        SyntheticHistories.Result second = generator.generate(events / 2, 2);
        processing.eventProcessors().forEach((name, processor) -> {
            if (!name.equals(ChainProcessor.NAME)) {
                processor.start();
            }
        });
        double generated = (first.events() + second.events()) / (first.seconds() + second.seconds());
        rows.row("synthetic histories written through the aggregates (" + (first.events() + second.events())
                + " events, " + (first.products() + second.products()) + " products)", generated, "events/s", null);
        results.put("syntheticEventsPerSecond", generated);

        // the views catch up first, the audit chain after them, each measured alone; what follows runs on a
        // settled service
        long catchingUp = System.nanoTime();
        Benchmarks.settle(jdbc, Duration.ofMinutes(60), ChainProcessor.NAME);
        double caughtUp = (first.events() + second.events()) / seconds(catchingUp);
        results.put("viewsCatchUpEventsPerSecond", caughtUp);
        long chaining = System.nanoTime();
        long chainedBefore = jdbc.queryForObject("select count(*) from audit_chain", Long.class);
        processing.eventProcessor(ChainProcessor.NAME).ifPresent(EventProcessor::start);
        Benchmarks.settle(jdbc, Duration.ofMinutes(120));
        double chained = (jdbc.queryForObject("select count(*) from audit_chain", Long.class) - chainedBefore)
                / seconds(chaining);
        rows.row("audit chain catching up with the history (one ordered writer)", chained, "events/s", null);
        results.put("chainCatchUpEventsPerSecond", chained);

        long total = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        double read = Benchmarks.sequentialRead(jdbc).eventsPerSecond();
        rows.row("database: sequential read of the event table (" + total + " events)", read, "events/s", null);
        results.put("sequentialReadAtScaleEventsPerSecond", read);
        rows.row("views catching up with the history (every view at the head)", caughtUp, "events/s",
                caughtUp / read);

        // over the whole history, as an auditor verifies it, beside the read of the same table
        long verifying = System.nanoTime();
        ChainVerifier.Report report;
        try (Connection connection = service.getBean(DataSource.class).getConnection()) {
            report = new ChainVerifier(service.getBean(SigningKey.class)).verifyInSnapshot(connection, List.of());
        }
        double verified = report.entriesChecked() / seconds(verifying);
        rows.row("audit chain verification of the whole history (" + report.entriesChecked() + " events, intact: "
                + report.intact() + ")", verified, "events/s", verified / read);
        results.put("chainVerificationEventsPerSecond", verified);

        ShadowReplay replay = service.getBean(ShadowReplay.class);
        long rebuilding = System.nanoTime();
        long replayed = replay.replayed(ShadowReplay.TABLES.keySet(), null, ShadowReplay.Shadow::eventsReplayed);
        double rebuilt = replayed / seconds(rebuilding);
        rows.row("rebuild of every view from all " + replayed + " events (shadow copy)", rebuilt, "events/s",
                rebuilt / read);
        results.put("rebuildEventsPerSecond", rebuilt);

        // a search for one kind of product (about one name in thirty: "Sâm Ngọc Linh …", "Hồng đẳng sâm Ngọc Linh …"),
        // a deep page of a filtered list and of the public catalogue, the dashboards: of the whole country (its 696
        // old districts, 3,321 units, 34 provinces) and of one province (the new Quảng Ngãi)
        for (String query : List.of("/api/products?q=sam+ngoc+linh&size=20",
                "/api/products?stars=4&certificate=IN_FORCE&page=100&size=20", "/public/products?page=100&size=20",
                "/api/dashboard/overview", "/api/dashboard/districts", "/api/dashboard/units",
                "/api/dashboard/provinces", "/api/dashboard/overview?province=51",
                "/api/dashboard/districts?province=51")) {
            latencies(query); // the same requests once before, as every point is warmed up first
            List<Double> latencies = latencies(query);
            double p50 = HttpMeasurements.percentile(latencies, 50);
            double p99 = HttpMeasurements.percentile(latencies, 99);
            rows.row("query at scale " + query + ": p50", p50, "ms", null);
            rows.row("query at scale " + query + ": p99", p99, "ms", null);
            results.put("queryAtScale " + query, Map.of("p50Ms", p50, "p99Ms", p99));
        }

        // the dashboards as they stood halfway: first replayed from the first event, then from the views'
        // checkpoints, made over the whole history as the service's maker makes them every few minutes
        String asOf = halfway.toString();
        String overview = "/api/dashboard/overview";
        String fromFirstAnswer = get(overview + "?asOf=" + asOf).body(); // warms the path up, as every point is
        double fromFirst = asOf(overview, asOf, "from the first event", null);
        long making = System.nanoTime();
        List<ViewCheckpoints.Checkpoint> made = replay.makeCheckpoints(replay.checkpointEvery(), Instant.now());
        double madeIn = seconds(making);
        long checkpointedEvents = made.isEmpty() ? 0 : made.get(made.size() - 1).events();
        rows.row("view checkpoints made over the history (" + made.size() + ", one each "
                + replay.checkpointEvery() + " events)", checkpointedEvents / madeIn, "events/s",
                checkpointedEvents / madeIn / read);
        results.put("checkpointsMade", made.size());
        results.put("checkpointsEventsPerSecond", checkpointedEvents / madeIn);
        double checkpointBytes = service.getBean(ViewCheckpoints.class).storageBytes();
        double eventBytes = jdbc.queryForObject("select pg_total_relation_size('domain_event_entry')", Long.class);
        rows.row("view checkpoints' storage (ratio: to the event table's " + Math.round(eventBytes / 1e6) + " MB)",
                checkpointBytes / 1e6, "MB", checkpointBytes / eventBytes);
        results.put("checkpointsMegabytes", checkpointBytes / 1e6);
        results.put("eventTableMegabytes", eventBytes / 1e6);
        ShadowReplay.Shadow shadow = replay.replayed(ShadowReplay.TABLES.keySet(), halfway, started -> started);
        boolean same = fromFirstAnswer.equals(get(overview + "?asOf=" + asOf).body());
        rows.row("as of halfway: events replayed after the checkpoint at position " + shadow.fromPosition()
                + " (the same overview as from the first event: " + same + ")", shadow.eventsReplayed(), "events",
                null);
        results.put("asOfFromCheckpoint", Map.of("position", shadow.fromPosition(),
                "eventsReplayed", shadow.eventsReplayed(), "sameAnswer", same));
        for (String page : List.of(overview, "/api/products?size=20")) {
            asOf(page, asOf, "from the nearest checkpoint", page.equals(overview) ? fromFirst : null);
        }
        results.put("scaleHistoryFrom", before.toString());
    }

    /** Reads {@code page} as it stood at {@code asOf}, timed; the ratio is to {@code baseline} seconds, if given. */
    private double asOf(String page, String asOf, String how, Double baseline) throws Exception {
        long started = System.nanoTime();
        int status = get(page + (page.contains("?") ? "&" : "?") + "asOf=" + asOf).status();
        double took = seconds(started);
        rows.row("as of halfway through the history, " + how + " (" + status + "): " + page, took, "s",
                baseline == null ? null : took / baseline);
        results.put("asOf " + how + " " + page, took);
        return took;
    }

    private List<Double> latencies(String query) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                running.add(clients.submit(() -> {
                    for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
                        long started = System.nanoTime();
                        get(query);
                        latencies.add((System.nanoTime() - started) / 1e6);
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
        return latencies;
    }

    private BenchClient.Response get(String path) throws Exception {
        BenchClient.Response response = http.get(path);
        if (response.status() != 200) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
