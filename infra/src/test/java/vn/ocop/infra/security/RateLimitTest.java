package vn.ocop.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.TestAccounts;

/** Past its limit an account or address gets 429 with Retry-After, and gets through again once it has waited. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RateLimitTest extends ServiceTest {

    @DynamicPropertySource
    static void tightLimits(DynamicPropertyRegistry registry) {
        registry.add("ocop.security.rate-limits.failed-sign-ins", () -> "3");
        registry.add("ocop.security.rate-limits.failed-sign-ins-per", () -> "2s");
        registry.add("ocop.security.rate-limits.writes", () -> "5");
        registry.add("ocop.security.rate-limits.writes-per", () -> "2s");
    }

    @Test
    void writesAndFailedSignInsAreLimitedAndRecover() {
        Map<String, String> officer = Map.of("Authorization", TestAccounts.of(Role.PROVINCE_OFFICER).basic());
        // The bucket refills a token every 400 ms: the limit shows after at least 5 quick writes.
        int accepted = 0;
        Http.Response limited = write(officer);
        while (limited.status() == 400 && accepted < 50) {
            accepted++;
            limited = write(officer);
        }
        assertThat(accepted).isGreaterThanOrEqualTo(5);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(limited.json().get("type").asText()).isEqualTo("urn:ocop:problem:too-many-requests");
        assertThat(Http.get(url("/api/dashboard/overview"), officer).status()).as("reads go on").isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> write(officer).status() == 400);

        String name = TestAccounts.administrator().username();
        Map<String, String> guess = Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((name + ":not-the-password").getBytes()));
        int failures = 0;
        Http.Response attempt = Http.get(url("/api/account"), guess);
        while (attempt.status() == 401 && failures < 50) {
            failures++;
            attempt = Http.get(url("/api/account"), guess);
        }
        assertThat(failures).isGreaterThanOrEqualTo(3);
        assertThat(attempt.status()).isEqualTo(429);
        Http.Response locked = Http.get(url("/api/account"));
        assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();
        await().atMost(Duration.ofSeconds(5)).until(() -> Http.get(url("/api/account")).status() == 200);
    }

    private Http.Response write(Map<String, String> credentials) {
        return Http.request("POST", url("/api/subjects"), "application/json", "{}", credentials);
    }
}
