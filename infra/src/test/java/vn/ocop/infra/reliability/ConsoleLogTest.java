package vn.ocop.infra.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The service started as shipped, with no logging configuration, speaks to a person: Spring Boot's plain lines,
 * the first administrator's password in its framed banner. With the documented setting
 * ({@code logging.structured.format.console=ecs}) a log shipper gets ECS JSON lines, and the banner still stands
 * on the console beside them.
 */
class ConsoleLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withNoLoggingConfiguredTheConsoleIsPlainAndShowsThePasswordBanner() {
        List<String> lines = firstStart("console-plain");

        assertThat(lines).noneMatch(line -> line.startsWith("{"));
        assertThat(lines).anyMatch(line -> line.matches("\\d{4}-\\d{2}-\\d{2}T\\S+\\s+INFO \\d+ --- \\[ocop].*"));
        assertBanner(lines);
        assertThat(lines).anyMatch(line -> line.contains("WARN") && line.contains("one-time password, printed once"));
    }

    @Test
    void withTheDocumentedSettingTheConsoleIsEcsJsonAndTheBannerStillStands() {
        List<String> lines = firstStart("console-ecs", "--logging.structured.format.console=ecs");

        List<JsonNode> records = lines.stream().filter(line -> line.startsWith("{")).map(ConsoleLogTest::json)
                .toList();
        assertThat(records).hasSizeGreaterThan(10).allSatisfy(record -> {
            assertThat(record.has("@timestamp")).isTrue();
            assertThat(record.at("/ecs/version").asText()).isNotBlank();
            assertThat(record.at("/log/level").asText()).isNotBlank();
        });
        assertThat(records).anySatisfy(record -> assertThat(record.get("message").asText())
                .contains("one-time password, printed once"));
        assertBanner(lines);
    }

    private static List<String> firstStart(String name, String... settings) {
        Path directory = Paths.get("target", "reliability", name).toAbsolutePath();
        FileSystemUtils.deleteRecursively(directory.toFile());
        try (ServiceProcess service = ServiceProcess.asShipped(name, directory, settings)) {
            service.start();
            return service.output().lines().toList();
        }
    }

    private static void assertBanner(List<String> lines) {
        int banner = lines.indexOf(" OCOP: the administrator account 'admin' was created with the password");
        assertThat(banner).as("the banner's first line").isPositive();
        assertThat(lines.get(banner - 1)).matches("=+");
        assertThat(lines.get(banner + 2).strip()).matches("[A-Za-z2-9]{24}");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
