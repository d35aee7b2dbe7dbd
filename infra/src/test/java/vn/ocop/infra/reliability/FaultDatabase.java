package vn.ocop.infra.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A PostgreSQL of its own for fault tests, on a fixed port and data directory so that it can be crashed
 * ({@code pg_ctl stop -m immediate}'s signal: SIGQUIT to the postmaster, no checkpoint, crash recovery at the next
 * start) and started again where the service expects it. Commits are synchronous; fsync is off because the
 * process dies here, not the machine.
 */
final class FaultDatabase implements AutoCloseable {

    static final String DATABASE = "ocop";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    FaultDatabase(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.port = ServiceProcess.freePort();
        start();
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("the fault database could not be created", e);
        }
    }

    String url() {
        return url(DATABASE);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection of the test's own, outside every service process. */
    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url(), "postgres", ""));
    }

    /** Stops PostgreSQL the way {@code pg_ctl stop -m immediate} does, and waits until it is gone. */
    void crash() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            // the shell's own kill: no procps needed
            new ProcessBuilder("sh", "-c", "kill -QUIT " + pid).inheritIO().start().waitFor();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL did not stop");
                }
                Thread.sleep(50);
            }
            postgres.close(); // releases the data directory's lock; its pg_ctl stop finds nothing to stop
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts PostgreSQL on the same port and data directory (after a crash: with crash recovery). */
    void start() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends every connection of the service's processes to its database, as a failing network would. */
    int terminateServiceConnections() {
        return jdbc().queryForObject("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where datname = ? and pid <> pg_backend_pid() and backend_type = 'client backend'""",
                Integer.class, DATABASE);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

}
