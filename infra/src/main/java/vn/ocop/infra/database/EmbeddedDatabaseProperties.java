package vn.ocop.infra.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where its data lives; kept across restarts
 * @param port          the port it listens on, on the loopback address; 0 takes a free one
 * @param settings      further server settings ({@code shared_preload_libraries}, {@code work_mem}…); those that
 *                      keep commits durable and the server on the loopback address are the service's and win
 */
@ConfigurationProperties("ocop.embedded-database")
public record EmbeddedDatabaseProperties(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        Map<String, String> settings) {

    public EmbeddedDatabaseProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
