package vn.ocop.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Reliability;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.TestAccounts;
import vn.ocop.infra.security.AccessRules;

/**
 * Generated hostile input against every command endpoint: wrong types, malformed and oversized bodies,
 * mass assignment of status, stars and version, missing fields, invalid UTF-8, control characters, very long
 * Vietnamese strings, negative and overflowing amounts, impossible and far-future dates, injection strings
 * and wrong media types. Every one is refused with a 4xx RFC 9457 problem that carries no stack trace, SQL or
 * echo of the input, and no event is appended. {@code -Docop.reliability=full} (or
 * {@code -Docop.hostile.perEndpoint=500}) runs the full version
 * (the default keeps the suite lean); {@code -Docop.hostile.seed} repeats a run.
 */
class HostileInputTest extends ServiceTest {

    private static final int PER_ENDPOINT = Integer.getInteger("ocop.hostile.perEndpoint",
            Reliability.full() ? 500 : 40);
    private static final long SEED = Long.getLong("ocop.hostile.seed", System.nanoTime());
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> FIELDS = List.of("subjectId", "productId", "name", "legalForm",
            "registrationNumber", "communeCode", "representative", "groupCode", "criteriaSetCode", "registeredOn",
            "decision", "accepted", "reasons", "kind", "level", "evaluatedOn", "memberScores", "evaluationId",
            "stars", "amount", "fiscalYear", "budgetLineId", "costSharePercent", "paidOn", "reasonCode",
            "concludedOn", "title", "targets", "fromYear", "toYear", "status", "version", "id", "certificateId");
    private static final List<String> NASTY = List.of("'; drop table domain_event_entry; --", "\" or 1=1 --",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "../../etc/passwd", "%00", "\\u0000",
            "{{7*7}}", "Sâm Ngọc Linh".repeat(20_000), "\u0000\u0001\u0007\u001b", "2024-02-30", "9999-12-31",
            "0000-00-00", "-1", "NaN", "1e309", "92233720368547758070", "-9223372036854775809", "true", "null");

    @Autowired
    JdbcTemplate jdbc;

    @org.junit.jupiter.api.Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        HttpResponse<String> response = send(HttpMethod.POST, "/api/subjects",
                Attack.json("two megabytes", "{\"name\": \"" + "x".repeat(2_000_000) + "\"}"));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:ocop:problem:payload-too-large");
    }

    @TestFactory
    Stream<DynamicTest> everyCommandEndpointRefusesHostileInputAndWritesNothing() {
        List<DynamicTest> endpoints = new ArrayList<>();
        for (AccessRules.Rule rule : AccessRules.RULES) {
            if (rule.method() == HttpMethod.GET || !rule.pattern().startsWith("/api/")
                    || rule.pattern().startsWith("/api/account") || rule.pattern().startsWith("/api/admin")
                    || rule.pattern().startsWith("/api/audit")) {
                continue;
            }
            endpoints.add(DynamicTest.dynamicTest(rule.method() + " " + rule.pattern(), () -> attack(rule)));
        }
        assertThat(endpoints).hasSizeGreaterThan(25);
        return endpoints.stream();
    }

    private void attack(AccessRules.Rule rule) {
        Random random = new Random(SEED ^ rule.pattern().hashCode());
        String path = rule.pattern().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
        Long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < PER_ENDPOINT; i++) {
            Attack attack = ATTACKS.get(random.nextInt(ATTACKS.size())).apply(random);
            HttpResponse<String> response = send(rule.method(), path, attack);
            String body = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            statuses.merge(response.statusCode(), 1, Integer::sum);
            boolean refused = response.statusCode() >= 400 && response.statusCode() < 500;
            boolean problem = type.startsWith("application/problem+json");
            boolean leaks = body.contains("Exception") || body.contains("\tat ") || body.contains("org.postgresql")
                    || body.toLowerCase().contains("select ") || body.contains("drop table")
                    || body.contains("<script>") || body.contains("jndi");
            if (!refused || !problem || leaks) {
                failures.add(attack.what() + " → " + response.statusCode() + " " + type + " "
                        + body.substring(0, Math.min(200, body.length())));
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
        long appended = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class) - before;
        Reliability.record("hostile input " + rule.method() + " " + rule.pattern() + ": sent=" + PER_ENDPOINT
                + " answers=" + statuses + " not a 4xx problem or leaking=" + failures.size()
                + " events appended=" + appended);
        assertThat(appended).as("events appended by hostile input").isZero();
    }

    /** A request body (as bytes, so that it may be invalid UTF-8) with its media type and what it tries. */
    private record Attack(String what, String contentType, byte[] body) {
        static Attack json(String what, String body) {
            return new Attack(what, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final List<Function<Random, Attack>> ATTACKS = List.of(
            random -> Attack.json("a wrong top-level type", List.of("[]", "\"text\"", "42", "null", "true")
                    .get(random.nextInt(5))),
            random -> Attack.json("malformed JSON", List.of("{", "{\"a\":", "{,}", "{\"a\" 1}", "{'a': 1}",
                    "{\"a\":1}}", "").get(random.nextInt(7))),
            random -> Attack.json("mass assignment", "{\"status\": \"VALID\", \"stars\": 5, \"version\": 99, "
                    + "\"id\": \"x\", \"certificateStatus\": \"VALID\", \"createdAt\": \"2020-01-01\"}"),
            random -> Attack.json("a field of the wrong type", "{\"" + field(random) + "\": "
                    + List.of("[]", "{}", "true", "\"x\"", "1.5", "-7").get(random.nextInt(6)) + "}"),
            random -> Attack.json("a nasty value", "{\"" + field(random) + "\": "
                    + quoted(NASTY.get(random.nextInt(NASTY.size()))) + ", \"" + field(random) + "\": "
                    + quoted(NASTY.get(random.nextInt(NASTY.size()))) + "}"),
            random -> Attack.json("a nasty bare number", "{\"amount\": " + List.of("-1", "1e30",
                    "92233720368547758070", "-0", "1.0000001").get(random.nextInt(5)) + "}"),
            random -> Attack.json("an oversized body", "{\"name\": \"" + "Ư".repeat(1_500_000) + "\"}"),
            random -> new Attack("invalid UTF-8", "application/json", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"',
                    ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}),
            random -> new Attack("a wrong media type", List.of("text/plain", "application/xml",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x").get(random.nextInt(4)),
                    "name=x&amount=1".getBytes(StandardCharsets.UTF_8)),
            random -> Attack.json("deep nesting", "[".repeat(5_000) + "]".repeat(5_000)));

    private static String field(Random random) {
        return FIELDS.get(random.nextInt(FIELDS.size()));
    }

    private static String quoted(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private HttpResponse<String> send(HttpMethod method, String path, Attack attack) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .method(method.name(), HttpRequest.BodyPublishers.ofByteArray(attack.body()))
                    .header("Content-Type", attack.contentType())
                    .header("Authorization", TestAccounts.administrator().basic()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
