package vn.ocop.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.command.subject.RegisterSubjectCommand;
import vn.ocop.command.subject.SubjectCommands.UpdateSubjectProfileCommand;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.events.subject.Representative;
import vn.ocop.infra.OcopApplication;
import vn.ocop.query.audit.chain.StoredEvent;
import vn.ocop.reference.AdministrativeUnits;

/**
 * {@code java -jar ocop.jar benchmark [--full] [--commands] [--out=DIR]}: starts the service on a durable embedded
 * PostgreSQL of its own (fsync and synchronous commit on, as the service runs by default) and measures, each
 * beside its baseline from the same run:
 * <ol>
 *   <li>the database's ceiling: single-row commits into a copy of the event table from 1, 8 and 16
 *       connections, and a sequential read of the event table;</li>
 *   <li>commands through the command gateway, in process, from 1, 8 and 16 senders, each on a new
 *       aggregate — as a ratio to the ceiling at the same concurrency; the database commits each command causes;
 *       the same at 16 senders with the projections paused, as on a node with the command role only;</li>
 *   <li>commands on aggregates with 100 prior events, as a ratio to new aggregates;</li>
 *   <li>the HTTP path (sign-in, validation, an idempotency key per command): throughput from 16 clients, and
 *       p50/p95/p99 latency at a fixed 500 requests per second, counted from each request's scheduled time;</li>
 *   <li>projection lag from a command's acknowledgement to its row in the subjects view (p50/p99);</li>
 *   <li>at scale ({@link ScaleMeasurements}): the views and the chain catching up with a synthetic history, the
 *       audit chain's verification and a rebuild of every view beside the sequential read, register and dashboard
 *       queries, time travel;</li>
 *   <li>the peer baseline ({@link PeerBaseline}): the commands and a rebuild again on a minimal Axon application
 *       at the framework's defaults, each as the ratio of ours to it;</li>
 *   <li>memory: heap in use after the load, and the process's resident size.</li>
 * </ol>
 * It prints a table and writes {@code benchmark.json} and {@code benchmark.md}. Quick mode measures each
 * point for 3 seconds after a warm-up of 10; {@code --full}, for the published figures, for 15 after 30.
 * {@code --commands} stops after the in-process commands, ours and the peer's: a few minutes, to profile the
 * command path. {@code --scale} runs only the measurements at scale (catching up, verification, rebuild, queries):
 * to profile the read side. {@code --statements} adds the database's own time per command, statement by statement
 * ({@link StatementTimes}), with the projections at work and paused.
 */
public final class Benchmarks {

    private static final int[] CONCURRENCY = {1, 8, 16};
    private static final int PRIOR_EVENTS = 100;
    private static final String BENCH_USER = "benchmark";
    private static final AtomicLong REGISTRATION_NUMBERS = new AtomicLong(6_100_000_000L);
    private static final String PEER = "peer baseline, Axon's defaults: ";
    private static final String OURS_TO_PEER = " [ratio: ours ÷ peer]";

    private String authorization;
    /** The database's time per statement ({@code --statements}); null when not asked for. */
    private StatementTimes statementTimes;

    private final Duration each;
    private final Duration warmUp;
    private final PrintStream out;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    private Benchmarks(Duration each, Duration warmUp, PrintStream out) {
        this.each = each;
        this.warmUp = warmUp;
        this.out = out;
    }

    /** Whether the arguments ask for this mode. */
    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("benchmark");
    }

    public static int run(String[] args, PrintStream out) throws Exception {
        boolean full = List.of(args).contains("--full");
        boolean commandsOnly = List.of(args).contains("--commands");
        boolean statements = List.of(args).contains("--statements");
        boolean scaleOnly = List.of(args).contains("--scale");
        Path directory = Path.of(List.of(args).stream().filter(arg -> arg.startsWith("--out="))
                .map(arg -> arg.substring("--out=".length())).findFirst().orElse("benchmark-results"));
        Path data = Files.createTempDirectory("ocop-benchmark");
        Benchmarks benchmarks = new Benchmarks(Duration.ofSeconds(full ? 15 : 3), Duration.ofSeconds(full ? 30 : 10), out);
        // The HTTP measurements sign in as an administrator of the benchmark's own, with a password of the run's.
        String password = UUID.randomUUID().toString();
        benchmarks.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (BENCH_USER + ":" + password).getBytes(StandardCharsets.UTF_8));
        List<String> settings = new ArrayList<>(List.of(
                "--server.port=0", "--ocop.embedded-database.data-directory=" + data.resolve("postgres"),
                "--ocop.scheduler.enabled=false", "--ocop.time-travel.checkpoint-interval=365d",
                // the national register spreads over every province
                "--ocop.provinces=" + AdministrativeUnits.ALL,
                "--logging.level.root=warn", "--logging.structured.format.console=",
                "--spring.main.banner-mode=off", "--ocop.security.bootstrap-admin=" + BENCH_USER,
                "--ocop.security.bootstrap-admin-password-hash={bcrypt}" + new BCryptPasswordEncoder().encode(password),
                "--ocop.security.rate-limits.writes=1000000000"));
        if (statements) {
            settings.add(StatementTimes.PRELOAD);
        }
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(OcopApplication.class).run(
                settings.toArray(String[]::new))) {
            benchmarks.statementTimes = statements
                    ? new StatementTimes(new JdbcTemplate(service.getBean(DataSource.class))) : null;
            if (scaleOnly) {
                benchmarks.measureAtScale(service, full);
            } else {
                benchmarks.measure(service, full, commandsOnly);
            }
        }
        benchmarks.results.put("rows", benchmarks.rows);
        Files.createDirectories(directory);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Files.writeString(directory.resolve("benchmark.json"), json.writeValueAsString(benchmarks.results));
        Files.writeString(directory.resolve("benchmark.md"), benchmarks.table());
        out.print(benchmarks.table());
        out.println("Written to " + directory.toAbsolutePath());
        return 0;
    }

    /** The measurements at scale alone, on a service that has recorded nothing else. */
    private void measureAtScale(ConfigurableApplicationContext service, boolean full) throws Exception {
        JdbcTemplate jdbc = describe(service, full);
        // every processor's tokens stored first: a processor without them would count as caught up
        Set<String> processors = service.getBean(EventProcessingConfiguration.class).eventProcessors().keySet();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!jdbc.queryForList("select distinct processor_name from token_entry", String.class)
                .containsAll(processors) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        settle(jdbc);
        new ScaleMeasurements(service, authorization, this::row, results, full).measure(jdbc);
    }

    private JdbcTemplate describe(ConfigurableApplicationContext service, boolean full) {
        JdbcTemplate jdbc = new JdbcTemplate(service.getBean(DataSource.class));
        results.put("date", Instant.now().toString());
        results.put("mode", full ? "full" : "quick");
        results.put("secondsPerPoint", each.toSeconds());
        results.put("machine", Map.of("processors", Runtime.getRuntime().availableProcessors(),
                "maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"),
                "postgres", jdbc.queryForObject("show server_version", String.class)));
        return jdbc;
    }

    private void measure(ConfigurableApplicationContext service, boolean full, boolean commandsOnly)
            throws Exception {
        DataSource dataSource = service.getBean(DataSource.class);
        JdbcTemplate jdbc = describe(service, full);
        // The event table's shape, keys and unique indexes, without its trigger and on a sequence of its own.
        jdbc.execute("create sequence bench_event_seq");
        jdbc.execute("create table bench_event (like domain_event_entry including indexes including constraints)");
        jdbc.execute("alter table bench_event alter column global_index set default nextval('bench_event_seq')");
        Map<Integer, Double> ceiling = new LinkedHashMap<>();
        for (int senders : CONCURRENCY) {
            double rate = concurrently(senders, () -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement("""
                             insert into bench_event (event_identifier, meta_data, payload, payload_revision,
                                 payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                             values (?, ?, ?, '1', 'vn.ocop.events.subject.SubjectEvent$SubjectRegistered', ?, ?, 0,
                                     'Subject')""")) {
                    connection.setAutoCommit(true);
                    String id = UUID.randomUUID().toString();
                    insert.setString(1, id);
                    insert.setBytes(2, PAYLOAD_METADATA);
                    insert.setBytes(3, PAYLOAD);
                    insert.setString(4, Instant.now().toString());
                    insert.setString(5, id);
                    insert.executeUpdate();
                }
            });
            ceiling.put(senders, rate);
            row("database: single-row commits, " + senders + " connection(s)", rate, "rows/s", null);
        }
        results.put("databaseCeilingRowsPerSecond", ceiling);

        CommandGateway commands = service.getBean(CommandGateway.class);
        PersonalDataVault vault = service.getBean(PersonalDataVault.class);
        TransactionTemplate transaction = new TransactionTemplate(service.getBean(PlatformTransactionManager.class));
        // The compiler's work of the first seconds would otherwise fall on the first points measured.
        concurrently(8, warmUp, () -> registerSubject(commands, vault, transaction));
        settle(jdbc);
        Map<Integer, Double> commandRates = new LinkedHashMap<>();
        for (int senders : CONCURRENCY) {
            double rate = concurrently(senders, () -> registerSubject(commands, vault, transaction));
            commandRates.put(senders, rate);
            row("commands in process (new subjects), " + senders + " sender(s)", rate, "commands/s",
                    rate / ceiling.get(senders));
        }
        results.put("commandsPerSecond", commandRates);

        // Where a command's time goes: the commits it causes, with the projections at work and without them.
        long commitsBefore = commits(jdbc);
        long commandsBefore = countEvents(jdbc);
        resetStatementTimes();
        double withProjections = concurrently(16, () -> registerSubject(commands, vault, transaction));
        settle(jdbc);
        long commandsRunning = countEvents(jdbc) - commandsBefore;
        double commitsPerCommand = (commits(jdbc) - commitsBefore) / (double) Math.max(1, commandsRunning);
        statementTimes("projections and chain included", "statementTimesProjectionsRunning", commandsRunning);
        row("database commits per command, projections and chain included (16 senders)", commitsPerCommand,
                "commits", null);
        results.put("commitsPerCommand", commitsPerCommand);
        EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        long pausedCommitsBefore = commits(jdbc);
        long pausedEventsBefore = countEvents(jdbc);
        resetStatementTimes();
        double withoutProjections = concurrently(16, () -> registerSubject(commands, vault, transaction));
        long commandsPaused = countEvents(jdbc) - pausedEventsBefore;
        double commitsPerBareCommand = (commits(jdbc) - pausedCommitsBefore) / (double) Math.max(1, commandsPaused);
        statementTimes("projections paused", "statementTimesProjectionsPaused", commandsPaused);
        processing.eventProcessors().values().forEach(EventProcessor::start);
        settle(jdbc);
        row("commands in process, projections paused (as on a command node), 16 senders", withoutProjections,
                "commands/s", withoutProjections / ceiling.get(16));
        row("database commits per command, projections paused (16 senders)", commitsPerBareCommand, "commits",
                null);
        results.put("commandsPerSecondProjectionsPaused", withoutProjections);
        results.put("commandsPerSecondProjectionsRunning", withProjections);
        results.put("commitsPerCommandProjectionsPaused", commitsPerBareCommand);

        List<String> longLived = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String subjectId = registerSubject(commands, vault, transaction);
            for (int n = 0; n < PRIOR_EVENTS; n++) {
                commands.sendAndWait(rename(subjectId, n));
            }
            longLived.add(subjectId);
        }
        settle(jdbc);
        Map<Integer, Double> longLivedRates = new LinkedHashMap<>();
        for (int senders : CONCURRENCY) {
            double rate = concurrently(senders, spreadOver(longLived, senders,
                    (subjectId, n) -> commands.sendAndWait(rename(subjectId, n.intValue()))));
            longLivedRates.put(senders, rate);
            row("commands in process on aggregates with " + PRIOR_EVENTS + "+ prior events, " + senders
                    + " sender(s)", rate, "commands/s", rate / commandRates.get(senders));
        }
        results.put("commandsPerSecondOnLongAggregates", longLivedRates);

        Map<String, Object> peerResults = new LinkedHashMap<>();
        Map<String, Double> peerRebuild;
        try (PeerBaseline peer = PeerBaseline.start(dataSource)) {
            concurrently(8, warmUp, peer::register);
            Map<Integer, Double> peerRates = new LinkedHashMap<>();
            for (int senders : CONCURRENCY) {
                double rate = concurrently(senders, peer::register);
                peerRates.put(senders, rate);
                row(PEER + "commands (new aggregates), " + senders + " sender(s)" + OURS_TO_PEER, rate,
                        "commands/s", commandRates.get(senders) / rate);
            }
            List<String> peerLongLived = peer.longLived(16, PRIOR_EVENTS);
            Map<Integer, Double> peerLongRates = new LinkedHashMap<>();
            for (int senders : CONCURRENCY) {
                double rate = concurrently(senders, spreadOver(peerLongLived, senders, peer::rename));
                peerLongRates.put(senders, rate);
                row(PEER + "commands on aggregates with " + PRIOR_EVENTS + "+ prior events, " + senders
                        + " sender(s)" + OURS_TO_PEER, rate, "commands/s", longLivedRates.get(senders) / rate);
            }
            peerResults.put("commandsPerSecond", peerRates);
            peerResults.put("commandsPerSecondOnLongAggregates", peerLongRates);
            results.put("peerBaseline", peerResults);
            if (commandsOnly) {
                return;
            }
            peerRebuild = peer.rebuild(Duration.ofSeconds(full ? 120 : 30));
            peerResults.put("rebuild", peerRebuild);
        }

        settle(jdbc);
        new HttpMeasurements(service, authorization, each, warmUp, this::row, results, () -> settle(jdbc)).measure(jdbc);

        SequentialRead read = sequentialRead(jdbc);
        row("database: sequential read of the event table (" + read.events() + " events)", read.eventsPerSecond(),
                "events/s", null);
        results.put("sequentialReadEventsPerSecond", read.eventsPerSecond());

        new ScaleMeasurements(service, authorization, this::row, results, full).measure(jdbc);
        double rebuilt = (Double) results.get("rebuildEventsPerSecond");
        row(PEER + "rebuild of its view from its first " + String.format("%,.0f", peerRebuild.get("eventsReplayed"))
                + " events" + OURS_TO_PEER, peerRebuild.get("eventsPerSecond"), "events/s",
                rebuilt / peerRebuild.get("eventsPerSecond"));

        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long resident = residentBytes();
        row("memory: heap in use after the load", heap / 1048576.0, "MB", null);
        row("memory: resident size of the process", resident / 1048576.0, "MB", null);
        results.put("heapUsedMb", heap / 1048576.0);
        results.put("residentMb", resident / 1048576.0);
    }

    /** As the service registers one: the representative sealed in the command's transaction. */
    private static String registerSubject(CommandGateway commands, PersonalDataVault vault,
                                          TransactionTemplate transaction) {
        String subjectId = UUID.randomUUID().toString();
        transaction.executeWithoutResult(inTransaction -> commands.sendAndWait(new RegisterSubjectCommand(subjectId,
                LegalForm.COOPERATIVE, "Hợp tác xã Đo lường", nextRegistrationNumber(), "23374",
                new Representative(vault.seal(subjectId, "Người Đo"), "Giám đốc", null), null, List.of(), null)));
        return subjectId;
    }

    /**
     * A registration number no subject of the run has: drawn at random, two of the run's tens of thousands would
     * meet often enough to stop a run now and then.
     */
    static String nextRegistrationNumber() {
        return Long.toString(REGISTRATION_NUMBERS.incrementAndGet());
    }

    private static UpdateSubjectProfileCommand rename(String subjectId, int n) {
        return new UpdateSubjectProfileCommand(subjectId, null, "Hợp tác xã Đo lường " + n, null, null, null, null, null);
    }

    /**
     * Waits until every processor's stored token has reached the last event, so that one measurement does not
     * pay for the projections' backlog from the one before.
     */
    static void settle(JdbcTemplate jdbc) {
        settle(jdbc, Duration.ofMinutes(5));
    }

    /**
     * Waits, at most {@code patience}, until every processor (views and chain) has reached the store's head; a
     * segment without a token yet has reached nothing.
     */
    static void settle(JdbcTemplate jdbc, Duration patience) {
        settle(jdbc, patience, "");
    }

    /** The same for every processor but {@code except} (none when empty). */
    static void settle(JdbcTemplate jdbc, Duration patience, String except) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Boolean settled = jdbc.queryForObject("""
                    select coalesce(min(coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, 0)), 0)
                           >= (select coalesce(max(global_index), 0) from domain_event_entry)
                    from token_entry where processor_name <> ?""", Boolean.class, except);
            if (Boolean.TRUE.equals(settled)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What a sequential read of the whole event table found: how many events, at what rate. */
    record SequentialRead(long events, double eventsPerSecond) {
    }

    /** Reads every event's stored columns in order, as the verifier and a rebuild do. */
    static SequentialRead sequentialRead(JdbcTemplate jdbc) throws SQLException {
        // in a transaction and a thousand rows a fetch, as the verification reads: a million rows fetched at once
        // would not fit the heap
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement(
                    "select " + StoredEvent.COLUMNS + " from domain_event_entry order by global_index")) {
                query.setFetchSize(1000);
                long started = System.nanoTime();
                long read = 0;
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        row.getBytes(9);
                        read++;
                    }
                }
                return new SequentialRead(read, read / seconds(started));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Work for {@code senders} threads that renames {@code aggregates} with {@code rename}: sender k takes the
     * aggregates k, k + senders, …, so that no two senders share one.
     */
    static Work spreadOver(List<String> aggregates, int senders, BiConsumer<String, Long> rename) {
        AtomicLong workers = new AtomicLong();
        ThreadLocal<long[]> mine = ThreadLocal.withInitial(() -> new long[] {workers.getAndIncrement(), 0});
        return () -> {
            long[] state = mine.get();
            int index = (int) ((state[0] + senders * state[1]++) % aggregates.size());
            rename.accept(aggregates.get(index), state[1]);
        };
    }

    private void resetStatementTimes() {
        if (statementTimes != null) {
            statementTimes.reset();
        }
    }

    /** With {@code --statements}: the database's time per command since the reset, as a row and in the JSON. */
    private void statementTimes(String when, String key, long commands) {
        if (statementTimes == null || commands == 0) {
            return;
        }
        StatementTimes.PerCommand measured = statementTimes.perCommand(commands);
        row("database time per command (pg_stat_statements), " + when + " (16 senders)", measured.msPerCommand(),
                "ms", null);
        results.put(key, measured);
        measured.statements().forEach(statement -> out.printf("    %6.3f ms  %5.2f calls  %s%n",
                statement.msPerCommand(), statement.callsPerCommand(), statement.statement()));
    }

    /** The database's commits so far, read-only transactions included. */
    static long commits(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()",
                Long.class);
    }

    private static long countEvents(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static final byte[] PAYLOAD = ("{\"subjectId\":\"" + UUID.randomUUID() + "\",\"legalForm\":\"COOPERATIVE\","
            + "\"name\":\"Hợp tác xã Đo lường\",\"registrationNumber\":\"6101234567\",\"communeCode\":\"23374\","
            + "\"representative\":{\"fullName\":{\"keyRef\":\"k\",\"cipherText\":\"" + "A".repeat(80) + "\"},"
            + "\"position\":\"Giám đốc\"},\"certifications\":[]}").getBytes();
    private static final byte[] PAYLOAD_METADATA = ("{\"correlationId\":\"" + UUID.randomUUID() + "\",\"traceId\":\""
            + UUID.randomUUID() + "\",\"causationId\":\"" + UUID.randomUUID() + "\",\"user\":\"can.bo.tinh\","
            + "\"role\":\"PROVINCE_OFFICER\",\"jurisdiction\":\"province:51\"}").getBytes();

    /** Runs {@code work} from {@code senders} threads for the configured time; operations per second. */
    double concurrently(int senders, Work work) throws Exception {
        return concurrently(senders, each, work);
    }

    /** Runs {@code work} from {@code senders} threads for {@code duration}; operations per second. */
    double concurrently(int senders, Duration duration, Work work) throws Exception {
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> running = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < senders; i++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        work.run();
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
            return done.get() / seconds(started);
        } finally {
            pool.shutdown();
        }
    }

    interface Work {
        void run() throws Exception;
    }


    void row(String what, double value, String unit, Double ratio) {
        String[] line = {what, String.format("%,.1f", value), unit, ratio == null ? "" : String.format("%.2f", ratio)};
        rows.add(line);
        out.printf("%-78s %14s %-11s %s%n", line[0], line[1], line[2], line[3]);
    }

    private String table() {
        StringBuilder table = new StringBuilder("| measurement | value | unit | ratio to baseline |\n|---|---:|---|---:|\n");
        for (String[] line : rows) {
            table.append("| ").append(String.join(" | ", line)).append(" |\n");
        }
        return table.toString();
    }

    private static double seconds(long startedNanos) {
        return Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no resident size
        }
        return 0;
    }
}
