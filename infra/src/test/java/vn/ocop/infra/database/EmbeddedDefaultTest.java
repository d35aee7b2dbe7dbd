package vn.ocop.infra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Http;
import vn.ocop.infra.Nodes;
import vn.ocop.infra.Subjects;

/** The service as a fresh machine runs it: no database configured, so it brings its own, durably. */
class EmbeddedDefaultTest {

    @TempDir
    Path workingDirectory;

    @Test
    void withNoDatabaseConfiguredDataSurvivesARestart() {
        Path dataDirectory = workingDirectory.resolve("data");
        String subjectId;

        try (ConfigurableApplicationContext first = start(dataDirectory)) {
            Http.Response registered = Http.postJson(url(first, "/api/subjects"),
                    Subjects.registration(Subjects.uniqueRegistrationNumber()));
            assertThat(registered.status()).isEqualTo(201);
            subjectId = registered.json().get("id").asText();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Http.get(url(first, "/api/subjects/" + subjectId)).status() == 200);
        }
        assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start(dataDirectory)) {
            Http.Response read = Http.get(url(second, "/api/subjects/" + subjectId));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().at("/representative/fullName").asText()).isEqualTo("Nguyễn Thị Hồng");
        }
    }

    /**
     * Further server settings are the operator's to give (the benchmark loads {@code pg_stat_statements} so); the
     * ones that keep commits durable stay the service's, whatever is given.
     */
    @Test
    void theEmbeddedDatabaseIsDurableWhateverFurtherSettingsAreGiven() {
        try (ConfigurableApplicationContext service = Nodes.embedded(workingDirectory.resolve("data"),
                "--ocop.embedded-database.settings.work_mem=8MB", "--ocop.embedded-database.settings.fsync=off",
                "--ocop.embedded-database.settings.synchronous_commit=off")) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show work_mem", String.class)).isEqualTo("8MB");
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return Nodes.embedded(dataDirectory);
    }

    private static String url(ConfigurableApplicationContext context, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://localhost:" + port + path;
    }
}
