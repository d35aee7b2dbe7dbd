package vn.ocop.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one PostgreSQL that every test in this JVM shares, chosen once:
 * <ol>
 *   <li>{@code OCOP_TEST_DATABASE_URL} (with {@code OCOP_TEST_DATABASE_USERNAME} and {@code _PASSWORD}) when set
 *       — an existing server, whose database should be empty and is migrated by the tests;</li>
 *   <li>else a Testcontainers PostgreSQL when a Docker engine answers;</li>
 *   <li>else an embedded PostgreSQL in a temporary directory, deleted at exit.</li>
 * </ol>
 */
public final class TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final String POSTGRES_IMAGE = "postgres:17-alpine";

    /** How to reach the shared database. */
    public record Connection(String url, String username, String password, String origin) {
    }

    private static Connection shared;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (shared == null) {
            shared = start();
            LOG.info("Tests use {} at {}", shared.origin(), shared.url());
        }
        return shared;
    }

    private static Connection start() {
        String url = System.getenv("OCOP_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(url, System.getenv("OCOP_TEST_DATABASE_USERNAME"),
                    System.getenv("OCOP_TEST_DATABASE_PASSWORD"), "the server named by OCOP_TEST_DATABASE_URL");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>(POSTGRES_IMAGE);
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "a Testcontainers PostgreSQL");
        }
        try {
            // Tests trade durability for speed: the library's defaults (no fsync) are right here.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.warn("Embedded test database did not stop cleanly", e);
                }
            }));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "an embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("no test database could be started", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
