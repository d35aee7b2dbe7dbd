package vn.ocop.infra.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;
import vn.ocop.infra.Reliability;

/**
 * The service under load while it is killed, while PostgreSQL crashes under it, and while its database
 * connections are cut. Clients retry what got no final answer with the same {@code Idempotency-Key}. After each
 * scenario the store holds every acknowledged command exactly once, the views equal a fresh rebuild and the
 * hash chain verifies. {@link Reliability#cycles()} cycles of each crash (2 in the build, 10 in the full run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    private FaultDatabase database;
    private ServiceProcess service;
    private CommandLoad load;
    private final Random random = new Random(20261128);

    @BeforeAll
    void start() throws IOException {
        Path directory = Paths.get("target", "reliability", "fault-database");
        FileSystemUtils.deleteRecursively(directory);
        database = new FaultDatabase(directory);
        service = new ServiceProcess("fault-node", database.url());
        service.start();
        load = new CommandLoad(() -> List.of(service.base()));
    }

    @AfterAll
    void stop() throws Exception {
        load.stop();
        service.close();
        database.close();
    }

    @Test
    @Order(1)
    void killingTheServiceMidLoadLosesAndDuplicatesNothing() throws Exception {
        List<Duration> restarts = new ArrayList<>();
        load.start(8);
        for (int cycle = 0; cycle < Reliability.cycles(); cycle++) {
            ServiceProcess.sleep(1500 + random.nextInt(1500));
            service.kill();
            restarts.add(service.start());
        }
        ServiceProcess.sleep(1500);
        load.stop();
        load.settle(Duration.ofMinutes(1));

        StoreInvariants.Figures figures = StoreInvariants.check(load, database.jdbc());
        StoreInvariants.viewsAndChainConverge(service.base(), database.jdbc());
        Reliability.record("kill -9 of the service: cycles=" + Reliability.cycles() + " " + figures
                + " restarts=" + restarts);
        assertThat(figures.noAnswer()).as("the kills cut requests").isPositive();
    }

    @Test
    @Order(2)
    void stoppingPostgresqlImmediatelyMidLoadLosesAndDuplicatesNothing() throws Exception {
        List<Duration> recoveries = new ArrayList<>();
        load.start(8);
        for (int cycle = 0; cycle < Reliability.cycles(); cycle++) {
            ServiceProcess.sleep(1500 + random.nextInt(1500));
            database.crash();
            ServiceProcess.sleep(1000);
            Instant restarting = Instant.now();
            database.start();
            recoveries.add(untilAcknowledged(restarting));
        }
        ServiceProcess.sleep(1500);
        load.stop();
        load.settle(Duration.ofMinutes(1));

        StoreInvariants.Figures figures = StoreInvariants.check(load, database.jdbc());
        StoreInvariants.viewsAndChainConverge(service.base(), database.jdbc());
        Reliability.record("immediate stop of PostgreSQL: cycles=" + Reliability.cycles() + " " + figures
                + " first acknowledgement after restart=" + recoveries);
        assertThat(figures.unavailable()).as("the outages were answered 503").isPositive();
    }

    @Test
    @Order(3)
    void cutConnectionsAreAnswered503AndTheServiceRecoversWithinFiveSeconds() throws Exception {
        int before = load.attempts().size();
        load.start(8);
        ServiceProcess.sleep(1000);
        Instant cutting = Instant.now();
        int cut = 0;
        while (Duration.between(cutting, Instant.now()).toMillis() < 3000) {
            cut += database.terminateServiceConnections();
            ServiceProcess.sleep(50);
        }
        Instant restored = Instant.now();
        Duration recovery = untilAcknowledged(restored);
        ServiceProcess.sleep(1000);
        load.stop();
        load.settle(Duration.ofMinutes(1));

        List<CommandLoad.Attempt> during = load.attempts().stream()
                .filter(attempt -> attempt.at().isAfter(cutting)).toList();
        assertThat(during).as("while connections were cut: only 2xx, 503 with Retry-After or 409 in progress")
                .allMatch(attempt -> attempt.outcome() == CommandLoad.Outcome.ACKNOWLEDGED
                        || attempt.outcome() == CommandLoad.Outcome.UNAVAILABLE
                        || attempt.outcome() == CommandLoad.Outcome.IN_PROGRESS);
        assertThat(recovery).as("commands acknowledged again within 5 s").isLessThan(Duration.ofSeconds(5));
        assertThat(cut).isPositive();
        StoreInvariants.Figures figures = StoreInvariants.check(load, database.jdbc());
        StoreInvariants.viewsAndChainConverge(service.base(), database.jdbc());
        Reliability.record("connections cut for 3 s: connections terminated=" + cut + " attempts meanwhile="
                + (load.attempts().size() - before) + " " + figures + " first acknowledgement after=" + recovery);
    }

    /** How long after {@code since} the load's next command is acknowledged. */
    private Duration untilAcknowledged(Instant since) {
        Instant deadline = since.plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            Instant first = load.attempts().stream()
                    .filter(attempt -> attempt.outcome() == CommandLoad.Outcome.ACKNOWLEDGED)
                    .map(CommandLoad.Attempt::at).filter(at -> at.isAfter(since)).min(Instant::compareTo)
                    .orElse(null);
            if (first != null) {
                return Duration.between(since, first);
            }
            ServiceProcess.sleep(20);
        }
        throw new AssertionError("no command acknowledged within a minute of " + since);
    }

}
