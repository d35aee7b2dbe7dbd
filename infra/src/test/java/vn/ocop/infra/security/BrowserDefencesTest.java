package vn.ocop.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/** The headers that keep a browser from misusing the answers, and CORS open to the configured origin only. */
class BrowserDefencesTest extends ServiceTest {

    @Test
    void answersCarryTheSecurityHeaders() {
        Http.Response response = Http.get(url("/api/dashboard/overview"));
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Test
    void onlyTheConfiguredOriginMayCallFromABrowser() {
        Http.Response allowed = preflight(DASHBOARD_ORIGIN);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD_ORIGIN);

        Http.Response foreign = preflight("https://khac.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        Http.Response simple = Http.get(url("/api/dashboard/overview"), Map.of("Origin", "https://khac.example"));
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }

    private Http.Response preflight(String origin) {
        return Http.request("OPTIONS", url("/api/subjects"), null, "", Map.of("Authorization", Http.ANONYMOUS,
                "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"));
    }
}
