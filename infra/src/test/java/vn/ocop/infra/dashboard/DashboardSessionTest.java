package vn.ocop.infra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;
import vn.ocop.infra.TestAccounts;
import vn.ocop.infra.security.Role;

/**
 * The dashboard's session over plain HTTP, as a browser holds it: the form sign-in, the API read with the
 * session's cookie, the CSRF token every write by session needs, sign-out, and an account changed or disabled
 * while signed in.
 */
class DashboardSessionTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aVisitorWithoutSessionIsSentToSignInAndSeesNoData() {
        Visitor visitor = new Visitor();
        HttpResponse<String> page = visitor.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/ui/login.html"));
        HttpResponse<String> signIn = visitor.get("/ui/login.html");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'", "script-src 'self'"));
        assertThat(visitor.get("/api/dashboard/overview").statusCode()).isEqualTo(401);
    }

    @Test
    void signingInOpensASessionThatReadsTheApiAndSigningOutEndsIt() {
        TestAccounts.Credentials officer = TestAccounts.of(Role.PROVINCE_OFFICER);
        Visitor visitor = new Visitor();
        HttpResponse<String> signedIn = visitor.signIn(officer.username(), officer.password());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
        assertThat(visitor.cookie("OCOP_SESSION")).isNotNull();
        assertThat(visitor.cookie("OCOP_SESSION").isHttpOnly()).isTrue();
        assertThat(visitor.get("/").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/api/dashboard/overview").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/api/account").body()).contains("\"username\":\"" + officer.username() + "\"");
        assertThat(jdbc.queryForObject("select count(*) from dashboard_session where principal_name = ?", Long.class,
                officer.username())).isPositive();

        HttpResponse<String> signedOut = visitor.form("/logout", Map.of("_csrf", visitor.csrf()));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(to ->
                assertThat(to).endsWith("/ui/login.html?signed-out"));
        assertThat(visitor.get("/api/dashboard/overview").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordOpensNoSession() {
        Visitor visitor = new Visitor();
        HttpResponse<String> refused = visitor.signIn(TestAccounts.of(Role.VIEWER).username(), "wrong password");
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to ->
                assertThat(to).endsWith("/ui/login.html?error=credentials"));
        assertThat(visitor.get("/api/dashboard/overview").statusCode()).isEqualTo(401);
    }

    @Test
    void theSignInFormWithoutItsCsrfTokenIsRefused() {
        TestAccounts.Credentials viewer = TestAccounts.of(Role.VIEWER);
        Visitor visitor = new Visitor();
        visitor.get("/ui/login.html");
        HttpResponse<String> forged = visitor.form("/login", Map.of("username", viewer.username(),
                "password", viewer.password()));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(visitor.get("/api/dashboard/overview").statusCode()).isEqualTo(401);
    }

    @Test
    void aWriteBySessionNeedsTheCsrfTokenAndWithoutItChangesNothing() {
        TestAccounts.Credentials officer = TestAccounts.of(Role.PROVINCE_OFFICER);
        Visitor visitor = new Visitor();
        visitor.signIn(officer.username(), officer.password());
        String registration = Subjects.registration(Subjects.uniqueRegistrationNumber());
        long events = events();

        HttpResponse<String> forged = visitor.postJson("/api/subjects", registration, Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"type\"");
        HttpResponse<String> wrongToken = visitor.postJson("/api/subjects", registration,
                Map.of("X-XSRF-TOKEN", "not-the-token"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(events()).isEqualTo(events);

        HttpResponse<String> genuine = visitor.postJson("/api/subjects", registration,
                Map.of("X-XSRF-TOKEN", visitor.csrf()));
        assertThat(genuine.statusCode()).isEqualTo(201);
        assertThat(events()).isEqualTo(events + 1);
        assertThat(jdbc.queryForObject("select convert_from(meta_data, 'UTF8')::jsonb ->> 'user' "
                + "from domain_event_entry order by global_index desc limit 1", String.class))
                .isEqualTo(officer.username());
    }

    @Test
    void aSessionFollowsItsAccountPasswordChangeAndDisablingSignOutAtOnce() {
        String username = "phien." + System.nanoTime() % 1_000_000;
        Http.Response created = Http.postJson(url("/api/accounts"), """
                {"username": "%s", "role": "VIEWER"}""".formatted(username));
        assertThat(created.status()).isEqualTo(201);
        String temporary = created.json().get("oneTimePassword").asText();

        Visitor visitor = new Visitor();
        visitor.signIn(username, temporary);
        HttpResponse<String> gated = visitor.get("/api/dashboard/overview");
        assertThat(gated.statusCode()).isEqualTo(403);
        assertThat(gated.body()).contains("password-change-required");

        String chosen = "một mật khẩu đủ dài " + System.nanoTime();
        HttpResponse<String> changed = visitor.postJson("/api/account/password", """
                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(temporary, chosen),
                Map.of("X-XSRF-TOKEN", visitor.csrf()));
        assertThat(changed.statusCode()).isBetween(200, 204);
        assertThat(visitor.get("/api/dashboard/overview").statusCode()).as("signed out by the change").isEqualTo(401);

        Visitor again = new Visitor();
        again.signIn(username, chosen);
        assertThat(again.get("/api/dashboard/overview").statusCode()).isEqualTo(200);
        assertThat(Http.request("PATCH", url("/api/accounts/" + username), "application/json",
                "{\"enabled\": false}", Map.of()).status()).isEqualTo(200);
        assertThat(again.get("/api/dashboard/overview").statusCode()).as("signed out by disabling").isEqualTo(401);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** A browser, as far as cookies go: it keeps them, sends them back, and follows no redirect. */
    private final class Visitor {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
        }

        /** The sign-in page, the form, and (as a browser follows the redirect) the page it leads to. */
        HttpResponse<String> signIn(String username, String password) {
            get("/ui/login.html");
            HttpResponse<String> answer = form("/login", Map.of("username", username, "password", password,
                    "_csrf", csrf()));
            answer.headers().firstValue("Location").map(URI::create).map(URI::getPath).ifPresent(this::get);
            return answer;
        }

        HttpResponse<String> form(String path, Map<String, String> fields) {
            String body = fields.entrySet().stream().map(field -> field.getKey() + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            headers.forEach(request::header);
            return send(request);
        }

        String csrf() {
            HttpCookie token = cookie("XSRF-TOKEN");
            assertThat(token).as("the CSRF cookie").isNotNull();
            return token.getValue();
        }

        HttpCookie cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                    .findFirst().orElse(null);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
