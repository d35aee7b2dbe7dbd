package vn.ocop.infra.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;
import vn.ocop.infra.Reliability;

/**
 * The service as a fresh machine runs it — its own embedded PostgreSQL in {@code data/postgres} — killed with
 * SIGKILL under load and started again on the same folder with no help. Two ways of dying, in turn: the JVM alone
 * (the watchdog then stops the database, which must be gone within seconds), and the JVM with every process it
 * started (the database is left running, as after a kill of the whole process group; the next start stops it);
 * and once during a start, right after its database came up. After all of it the service is healthy, every
 * acknowledged command is in the store once, the views equal their rebuild and the chain verifies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedCrashRecoveryTest {

    private static final String DATABASE_UP = "Embedded PostgreSQL is running";
    private static final String LEFTOVER_STOPPED = "is still running on the data directory";

    private final Path directory = Paths.get("target", "reliability", "embedded-default").toAbsolutePath();
    private final Path data = directory.resolve("data").resolve("postgres");
    private final int databasePort = ServiceProcess.freePort();
    private final Random random = new Random(20261206);
    private ServiceProcess service;
    private CommandLoad load;

    @Test
    void killedUnderLoadAndDuringItsStartItComesBackOnItsOwnFolder() throws Exception {
        FileSystemUtils.deleteRecursively(directory);
        service = ServiceProcess.embeddedDefault("embedded-default", directory,
                "--ocop.embedded-database.port=" + databasePort);
        service.start();
        load = new CommandLoad(() -> List.of(service.base()));
        List<Duration> restarts = new ArrayList<>();
        List<Duration> databaseGone = new ArrayList<>();
        int leftRunning = 0;
        int stoppedAtStart = 0;

        load.start(8);
        for (int cycle = 0; cycle < Reliability.cycles(); cycle++) {
            ServiceProcess.sleep(1500 + random.nextInt(1500));
            long server = serverPid().orElseThrow();
            if (cycle % 2 == 0) {
                Instant killed = Instant.now();
                service.kill();
                databaseGone.add(awaitGone(server, killed));
            } else {
                service.killWithChildren();
                assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).as("left running").contains(true);
                leftRunning++;
            }
            restarts.add(service.start());
            stoppedAtStart += service.output().contains(LEFTOVER_STOPPED) ? 1 : 0;
        }

        // once during a start: its database is up, the rest of the service not yet
        ServiceProcess.sleep(1000);
        service.kill();
        service.spawn();
        service.awaitOutput(DATABASE_UP, Duration.ofMinutes(2));
        service.killWithChildren();
        leftRunning++;
        restarts.add(service.start());
        stoppedAtStart += service.output().contains(LEFTOVER_STOPPED) ? 1 : 0;

        ServiceProcess.sleep(1500);
        load.stop();
        load.settle(Duration.ofMinutes(1));

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + databasePort + "/ocop", "postgres", ""));
        StoreInvariants.Figures figures = StoreInvariants.check(load, jdbc);
        StoreInvariants.viewsAndChainConverge(service.base(), jdbc);
        Reliability.record("kill -9 of the service on its embedded database: cycles=" + Reliability.cycles()
                + " and one during a start; " + figures + " restarts=" + restarts
                + " database gone after the JVM alone was killed=" + databaseGone
                + " left running by a kill of every process=" + leftRunning
                + " stopped by the next start=" + stoppedAtStart);
        assertThat(figures.noAnswer()).as("the kills cut requests").isPositive();
        assertThat(stoppedAtStart).as("every database left running was stopped by the next start")
                .isGreaterThanOrEqualTo(leftRunning);
        assertThat(databaseGone).allSatisfy(gone -> assertThat(gone).isLessThan(Duration.ofSeconds(15)));
    }

    @AfterAll
    void stop() throws Exception {
        if (load != null) {
            load.stop();
        }
        if (service != null) {
            service.close();
        }
        // whatever happened above, no database of this test outlives it
        serverPid().flatMap(ProcessHandle::of).ifPresent(server -> {
            server.destroyForcibly();
            server.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        });
    }

    /** The process id that the database's lock file names, while there is one. */
    private Optional<Long> serverPid() {
        Path lockFile = data.resolve("postmaster.pid");
        try {
            return Files.exists(lockFile)
                    ? Optional.of(Long.parseLong(Files.readAllLines(lockFile).get(0).strip())) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** How long after {@code since} the database process ended (the watchdog's doing). */
    private static Duration awaitGone(long server, Instant since) {
        ProcessHandle.of(server).ifPresent(process -> process.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        return Duration.between(since, Instant.now());
    }
}
