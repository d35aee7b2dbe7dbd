package vn.ocop.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Http;
import vn.ocop.infra.Nodes;

/**
 * A fresh machine's first start: an administrator with a generated password shown once on the console, kept
 * only as a hash, good for nothing but changing it; and the prod profile refuses to run until it is changed.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    private static final Pattern SHOWN = Pattern.compile("created with the password\\s+(\\S+)");

    @TempDir
    Path workingDirectory;

    @Test
    void theFirstPasswordIsShownOnceKeptAsAHashAndMustBeChangedBeforeProdRuns(CapturedOutput output) {
        Path data = workingDirectory.resolve("data").resolve("postgres");
        String password;
        try (ConfigurableApplicationContext first = Nodes.bare(data)) {
            Matcher shown = SHOWN.matcher(output.getOut());
            assertThat(shown.find()).as("the password is shown on the console").isTrue();
            password = shown.group(1);
            assertThat(occurrences(output.getAll(), password)).as("shown once, in no log line").isEqualTo(1);

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select password_hash from account where username = 'admin'",
                    String.class)).startsWith("{bcrypt}").doesNotContain(password);
            List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE'", String.class);
            for (String table : tables) {
                assertThat(jdbc.queryForObject("select count(*) from " + table + " t where t::text like ?",
                        Long.class, "%" + password + "%")).as("the password in clear in " + table).isZero();
            }

            String base = Nodes.base(first);
            Map<String, String> admin = Map.of("Authorization", basic("admin", password));
            assertThat(Http.get(base + "/api/account", admin).json().get("mustChangePassword").asBoolean()).isTrue();
            Http.Response blocked = Http.get(base + "/api/dashboard/overview", admin);
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.json().get("type").asText()).isEqualTo("urn:ocop:problem:password-change-required");
        }

        assertThatThrownBy(() -> Nodes.bare(data, "--spring.profiles.active=prod").close())
                .hasStackTraceContaining("still has the password generated at first start");

        String chosen = "Một mật khẩu dài hơn 12 ký tự";
        try (ConfigurableApplicationContext second = Nodes.bare(data)) {
            String base = Nodes.base(second);
            Map<String, String> admin = Map.of("Authorization", basic("admin", password));
            Http.Response wrong = Http.request("POST", base + "/api/account/password", "application/json", """
                    {"currentPassword": "not it", "newPassword": "%s"}""".formatted(chosen), admin);
            assertThat(wrong.status()).isEqualTo(400);
            Http.Response changed = Http.request("POST", base + "/api/account/password", "application/json", """
                    {"currentPassword": "%s", "newPassword": "%s"}""".formatted(password, chosen), admin);
            assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        }
        assertThat(occurrences(output.getAll(), password)).as("a restart shows no password").isEqualTo(1);

        try (ConfigurableApplicationContext production = Nodes.bare(data, "--spring.profiles.active=prod")) {
            String base = Nodes.base(production);
            assertThat(Http.get(base + "/api/dashboard/overview", Map.of("Authorization", basic("admin", chosen)))
                    .status()).isEqualTo(200);
            assertThat(Http.get(base + "/api/dashboard/overview", Map.of("Authorization", basic("admin", password)))
                    .status()).isEqualTo(401);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
