package vn.ocop.infra.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import vn.ocop.query.audit.chain.DefaultSigningKeyFile;

/**
 * The default database: a real PostgreSQL run from binaries on the class path, so the service starts on a
 * machine that has nothing but a JDK. Unlike a test database it is durable (fsync and synchronous commit on)
 * and keeps its data directory across restarts. Configuring {@code spring.datasource.url} switches it off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlConfigured.class)
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "ocop";
    private static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException, SQLException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        EmbeddedDatabaseLifetime.stopLeftoverServer(dataDirectory, EmbeddedDatabaseLifetime.FAST_SHUTDOWN_TIMEOUT);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        properties.settings().forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setLocaleConfig("locale", "C")
                // The library's defaults favour tests over durability; a register must survive a power cut.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Spring closes it after the connection pool; the library's own hook would race with that.
                .setRegisterShutdownHook(false)
                .start();
        createDatabaseIfMissing(postgres);
        LOG.info("Embedded PostgreSQL is running: data in {}, JDBC URL {}", dataDirectory,
                postgres.getJdbcUrl(SUPERUSER, DATABASE));
        return postgres;
    }

    /**
     * Stops the embedded PostgreSQL when the service's JVM ends without stopping it; ended first on a clean
     * stop, which then stops the server itself ({@link EmbeddedDatabaseLifetime}).
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabaseWatch embeddedDatabaseWatch(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
        return new EmbeddedDatabaseWatch(EmbeddedDatabaseLifetime.watch(
                properties.dataDirectory().toAbsolutePath().normalize()).orElse(null));
    }

    /** The watchdog of the embedded PostgreSQL, if one could be started. */
    record EmbeddedDatabaseWatch(EmbeddedDatabaseLifetime.Watchdog watchdog) implements AutoCloseable {

        @Override
        public void close() {
            if (watchdog != null) {
                watchdog.close();
            }
        }
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseWatch watch) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl(SUPERUSER, DATABASE))
                .username(SUPERUSER)
                .build();
    }

    /** The audit chain's signing key lives beside the data directory, generated at first start. */
    @Bean
    DefaultSigningKeyFile defaultSigningKeyFile(EmbeddedDatabaseProperties properties) {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        return new DefaultSigningKeyFile(dataDirectory.resolveSibling("audit-signing-key.pem"));
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery(
                     "select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
    }
}
