package vn.ocop.infra.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.peer.PeerApplication;
import vn.ocop.peer.PeerMessages.RegisterPeerSubject;
import vn.ocop.peer.PeerMessages.RenamePeerSubject;

/**
 * Workloads 2 (commands) and 5 (a rebuild) on the peer baseline, {@link PeerApplication}: a minimal Axon
 * application left at Spring Boot's and Axon's defaults, in a database of its own on the same PostgreSQL server as
 * the service, in the same process, measured in the same run.
 */
final class PeerBaseline implements AutoCloseable {

    static final String DATABASE = "ocop_peer";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private final ConfigurableApplicationContext peer;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TrackingEventProcessor processor;

    private PeerBaseline(ConfigurableApplicationContext peer) {
        this.peer = peer;
        this.commands = peer.getBean(CommandGateway.class);
        this.jdbc = peer.getBean(JdbcTemplate.class);
        this.processor = peer.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("the peer has no tracking processor"));
    }

    /** Creates the peer's database beside the service's and starts the peer on it. */
    static PeerBaseline start(DataSource service) throws SQLException {
        String url;
        String user;
        try (Connection connection = service.getConnection(); Statement statement = connection.createStatement()) {
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
            statement.execute("drop database if exists " + DATABASE);
            statement.execute("create database " + DATABASE);
        }
        Matcher parts = URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + url);
        }
        return new PeerBaseline(new SpringApplicationBuilder(PeerApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        // none of the service's configuration: the framework's defaults are what is measured
                        "--spring.config.name=ocop-peer-baseline",
                        "--spring.datasource.url=" + parts.group(1) + DATABASE + parts.group(3),
                        "--spring.datasource.username=" + user,
                        // the schema a quick start lets Hibernate create
                        "--spring.jpa.hibernate.ddl-auto=create",
                        "--axon.axonserver.enabled=false",
                        // the framework's update check calls out to the network, which a benchmark must not
                        "--axon.update-check.disabled=true",
                        // libraries of the service's on the class path that would otherwise start with the peer
                        "--spring.flyway.enabled=false", "--db-scheduler.enabled=false",
                        "--logging.level.root=warn", "--logging.structured.format.console=",
                        "--spring.main.banner-mode=off"));
    }

    /** One command of the peer's that registers a new aggregate. */
    void register() {
        commands.sendAndWait(new RegisterPeerSubject(UUID.randomUUID().toString(), "Hợp tác xã Đo lường",
                Benchmarks.nextRegistrationNumber(), "23374"));
    }

    /** Aggregates with {@code priorEvents} events each, one per sender at most. */
    List<String> longLived(int count, int priorEvents) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(new RegisterPeerSubject(id, "Hợp tác xã Đo lường", "6100000000", "23374"));
            for (int n = 0; n < priorEvents; n++) {
                commands.sendAndWait(new RenamePeerSubject(id, "Hợp tác xã Đo lường " + n));
            }
            ids.add(id);
        }
        return ids;
    }

    /** One rename of the peer's aggregate {@code id}, its {@code n}th. */
    void rename(String id, long n) {
        commands.sendAndWait(new RenamePeerSubject(id, "Hợp tác xã Đo lường r" + n));
    }

    /**
     * Waits for the peer's processor to reach the head, then replays its view from the first event for at most
     * {@code patience}: events per second, and how many events were replayed.
     */
    Map<String, Double> rebuild(Duration patience) throws InterruptedException {
        long head = head();
        long waitUntil = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (position() < head && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }
        processor.shutDown();
        processor.resetTokens();
        long started = System.nanoTime();
        processor.start();
        long until = started + patience.toNanos();
        long reached = -1;
        while (System.nanoTime() < until && reached < head) {
            Thread.sleep(50);
            reached = position();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long replayed = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?",
                Long.class, reached);
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("eventsPerSecond", replayed / seconds);
        result.put("eventsReplayed", (double) replayed);
        result.put("eventsStored", jdbc.queryForObject("select count(*) from domain_event_entry", Double.class));
        return result;
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private long position() {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min().orElse(-1);
    }

    @Override
    public void close() {
        peer.close();
    }
}
