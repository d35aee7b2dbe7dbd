package vn.ocop.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.Reliability;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;
import vn.ocop.infra.security.AccessRules;

/**
 * Malformed variants of valid commands, sent to records that would take the valid command: a body that goes on
 * after its JSON value, a key given twice (whatever its second value), a number or text where a boolean is, text
 * for a number, a number or boolean for text, and a number, an array or a wrongly written text for a date. Every
 * variant is refused with a {@code 400} problem that names the field (or the body), and nothing is written. Then
 * the valid command itself is accepted: the variants reached a record in the state to take them, so a variant
 * read leniently would have been recorded. {@code -Docop.reliability=full} (or
 * {@code -Docop.malformed.perEndpoint=N}) sends 500 variants to each endpoint; {@code -Docop.malformed.seed}
 * repeats a run.
 */
class MalformedBodiesTest extends ServiceTest {

    private static final int PER_ENDPOINT = Integer.getInteger("ocop.malformed.perEndpoint",
            Reliability.full() ? 500 : 48);
    private static final long SEED = Long.getLong("ocop.malformed.seed", System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Budget lines are unique by province, source and year: this test's years are its own. */
    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2070);

    @Autowired
    JdbcTemplate jdbc;

    /** A request that the service takes as it is: the endpoint's method, the record's path, a valid body. */
    private record Target(HttpMethod method, String path, String body) {
    }

    @TestFactory
    Stream<DynamicTest> everyJsonCommandEndpointRefusesMalformedVariantsOfAValidBody() {
        Map<String, Function<Api, Target>> targets = targets();
        List<DynamicTest> tests = new ArrayList<>();
        for (AccessRules.Rule rule : AccessRules.RULES) {
            if (rule.method() == HttpMethod.GET || !rule.pattern().startsWith("/api/")
                    || rule.pattern().startsWith("/api/account") || rule.pattern().startsWith("/api/admin")
                    || rule.pattern().startsWith("/api/audit") || rule.pattern().equals("/api/imports")) {
                continue;
            }
            String endpoint = rule.method() + " " + rule.pattern();
            assertThat(targets).as("a valid command for " + endpoint).containsKey(endpoint);
            tests.add(DynamicTest.dynamicTest(endpoint, () -> attack(endpoint, targets.get(endpoint))));
        }
        assertThat(tests).hasSize(26).hasSize(targets.size());
        return tests.stream();
    }

    private void attack(String endpoint, Function<Api, Target> prepare) {
        Api api = new Api(url(""));
        Target target = prepare.apply(api);
        JsonNode valid = parse(target.body());
        Random random = new Random(SEED ^ endpoint.hashCode());
        long before = writes();
        Map<String, Integer> byClass = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PER_ENDPOINT; i++) {
            Variant variant = null;
            for (int kind = i; variant == null; kind++) {
                variant = VARIANTS.get(kind % VARIANTS.size()).make(valid, target.body(), random);
            }
            byClass.merge(variant.kind(), 1, Integer::sum);
            Http.Response response = Http.request(target.method().name(), url(target.path()), "application/json",
                    variant.body(), Map.of());
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() != 400 || !"application/problem+json".equals(response.header("Content-Type"))
                    || !response.json().path("errors").toString().contains("\"field\":\"" + variant.field() + "\"")) {
                failures.add(variant.kind() + " at " + variant.field() + ": " + variant.body() + " → "
                        + response.status() + " " + response.body().substring(0, Math.min(300, response.body().length())));
            }
        }
        long appended = writes() - before;
        Reliability.record("malformed bodies " + endpoint + ": sent=" + PER_ENDPOINT + " by class=" + byClass
                + " answers=" + statuses + " not a 400 naming the field=" + failures.size() + " writes=" + appended);
        assertThat(failures).as("seed " + SEED).isEmpty();
        assertThat(appended).as("writes by malformed bodies").isZero();

        Http.Response accepted = Http.request(target.method().name(), url(target.path()), "application/json",
                target.body(), Map.of());
        assertThat(accepted.status()).as("the valid body itself: " + accepted.body()).isBetween(200, 299);
    }

    /** One malformed body: its class, the field its problem must name, and the text sent. */
    private record Variant(String kind, String field, String body) {
    }

    /** Makes a variant of the valid body (given as a tree and as its text), or null where its class does not apply. */
    private interface VariantMaker {
        Variant make(JsonNode valid, String text, Random random);
    }

    private static final List<String> TRAILING = List.of(",", "}", "]", " {}", " 1", " \"x\"", "\n,", " null", "x",
            ",{}", " true");

    private static final List<VariantMaker> VARIANTS = List.of(
            (valid, text, random) -> new Variant("trailing tokens", "(body)",
                    text.strip() + TRAILING.get(random.nextInt(TRAILING.size()))),
            (valid, text, random) -> duplicated(valid, random),
            (valid, text, random) -> coerced(valid, random),
            (valid, text, random) -> undated(valid, random));

    /** A key of some object of the body given again, with the same value or any other, objects first of all. */
    private static Variant duplicated(JsonNode valid, Random random) {
        List<String> objects = new ArrayList<>();
        paths(valid, "", (path, node) -> {
            if (node.isObject() && node.size() > 0) {
                objects.add(path);
            }
        });
        String at = objects.get(random.nextInt(objects.size()));
        ObjectNode object = (ObjectNode) at(valid, at);
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        String key = keys.get(random.nextInt(keys.size()));
        List<String> seconds = List.of("{}", "{\"a\": 1}", "{\"number\": \"1\"}", object.get(key).toString(), "[]", "1",
                "\"x\"", "true", "null");
        String second = seconds.get(random.nextInt(seconds.size()));
        String field = at.isEmpty() ? key : at + "." + key;
        return new Variant("duplicate key", field, write(valid, at, key, second));
    }

    /** A leaf replaced by a value of another type that a lenient reader would convert. */
    private static Variant coerced(JsonNode valid, Random random) {
        List<String> leaves = leaves(valid, node -> node.isValueNode() && !node.isNull() && !isDate(node));
        if (leaves.isEmpty()) {
            return null; // a body of dates alone: the date class covers it
        }
        String path = leaves.get(random.nextInt(leaves.size()));
        JsonNode leaf = at(valid, path);
        List<String> others;
        if (leaf.isBoolean()) {
            others = List.of("1", "0", "\"true\"", "\"false\"", "\"1\"", "1.0", "[true]");
        } else if (leaf.isNumber()) {
            others = List.of("\"" + leaf.asText() + "\"", "true", "[" + leaf + "]", "\"\"");
        } else {
            others = List.of("1", "0", "true", "false", "1.5", "[" + leaf + "]");
        }
        return new Variant("scalar coercion", path, replaced(valid, path, others.get(random.nextInt(others.size()))));
    }

    /** A date given as a number, an array, or a text that is not {@code yyyy-MM-dd}. */
    private static Variant undated(JsonNode valid, Random random) {
        List<String> dates = leaves(valid, MalformedBodiesTest::isDate);
        if (dates.isEmpty()) {
            return null; // a body without dates: this class does not apply
        }
        String path = dates.get(random.nextInt(dates.size()));
        LocalDate date = LocalDate.parse(at(valid, path).asText());
        List<String> others = List.of("0", "1", "-1", Long.toString(date.toEpochDay()),
                date.toString().replace("-", ""), "[" + date.getYear() + ", " + date.getMonthValue() + ", "
                        + date.getDayOfMonth() + "]", "1.5", "true", "\"\"",
                "\"" + date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear() + "\"",
                "\"" + date + "T00:00:00Z\"", "\"" + date.getYear() + "-" + date.getMonthValue() + "-1\"");
        return new Variant("number for a date", path, replaced(valid, path, others.get(random.nextInt(others.size()))));
    }

    private static boolean isDate(JsonNode node) {
        return node.isTextual() && node.asText().matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private static List<String> leaves(JsonNode valid, java.util.function.Predicate<JsonNode> which) {
        List<String> found = new ArrayList<>();
        paths(valid, "", (path, node) -> {
            if (which.test(node)) {
                found.add(path);
            }
        });
        return found;
    }

    /** Every node of the tree with its path, written as the problem's {@code errors[].field} writes it. */
    private static void paths(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        visit.accept(path, node);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                paths(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths(node.get(i), path + "[" + i + "]", visit);
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode[] found = new JsonNode[1];
        paths(root, "", (candidate, node) -> {
            if (candidate.equals(path)) {
                found[0] = node;
            }
        });
        return found[0];
    }

    /** The body with the value at {@code path} replaced by the JSON text {@code value}. */
    private static String replaced(JsonNode valid, String path, String value) {
        String marker = "\u0000replaced\u0000";
        JsonNode copy = valid.deepCopy();
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        if (bracket > dot) {
            ArrayNode array = (ArrayNode) at(copy, path.substring(0, bracket));
            array.set(Integer.parseInt(path.substring(bracket + 1, path.length() - 1)), marker);
        } else {
            ObjectNode parent = (ObjectNode) (dot < 0 ? copy : at(copy, path.substring(0, dot)));
            parent.put(path.substring(dot + 1), marker);
        }
        return copy.toString().replace(JSON.valueToTree(marker).toString(), value);
    }

    /** The body written with {@code key} of the object at {@code at} given a second time, as {@code second}. */
    private static String write(JsonNode valid, String at, String key, String second) {
        String marker = "\u0000second\u0000";
        JsonNode copy = valid.deepCopy();
        ObjectNode object = (ObjectNode) at(copy, at);
        object.put(marker, marker);
        String quotedMarker = JSON.valueToTree(marker).toString();
        return copy.toString().replace(quotedMarker + ":" + quotedMarker, JSON.valueToTree(key) + ":" + second);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything a command could write: events, registration claims, personal data keys. */
    private long writes() {
        return jdbc.queryForObject("""
                select (select count(*) from domain_event_entry)
                     + (select count(*) from subject_registration_number)
                     + (select count(*) from personal_data_key)""", Long.class);
    }

    /** For every JSON command endpoint, a record in the state to take a valid body, and that body. */
    private static Map<String, Function<Api, Target>> targets() {
        LocalDate today = LocalDate.now();
        Map<String, Function<Api, Target>> targets = new LinkedHashMap<>();
        targets.put("POST /api/subjects", api -> new Target(HttpMethod.POST, "/api/subjects",
                Subjects.registration(Subjects.uniqueRegistrationNumber())));
        targets.put("PATCH /api/subjects/{id}", api -> new Target(HttpMethod.PATCH,
                "/api/subjects/" + api.registerSubject(), """
                {"name": "Hợp tác xã Dược liệu Măng Đen", "communeCode": "23374",
                 "labour": {"members": 12, "workers": 20, "womenWorkers": 7, "ethnicMinorityWorkers": 5}}"""));
        targets.put("POST /api/subjects/{id}/status", api -> new Target(HttpMethod.POST,
                "/api/subjects/" + api.registerSubject() + "/status", """
                {"change": "SUSPEND", "effectiveOn": "%s", "reason": "Tạm ngừng sản xuất"}"""
                .formatted(today.minusDays(2))));
        targets.put("POST /api/products", api -> new Target(HttpMethod.POST, "/api/products", """
                {"subjectId": "%s", "name": "Mật ong rừng", "groupCode": "III", "criteriaSetCode": "18",
                 "communeCode": "23374", "description": "Mật ong", "registeredOn": "2024-01-10"}"""
                .formatted(api.registerSubject())));
        targets.put("POST /api/products/{id}/idea-decision", api -> new Target(HttpMethod.POST,
                "/api/products/" + registeredProduct(api) + "/idea-decision",
                Api.stepDecision(false, "DISTRICT", "2024-01-20")));
        targets.put("POST /api/products/{id}/business-plan", api -> {
            String product = registeredProduct(api);
            api.accepted("/api/products/" + product + "/idea-decision", Api.stepDecision(true, "DISTRICT", "2024-01-20"));
            return new Target(HttpMethod.POST, "/api/products/" + product + "/business-plan", """
                    {"submittedOn": "2024-02-10", "title": "Phương án sản xuất", "summary": "Vùng nuôi 5 ha"}""");
        });
        targets.put("POST /api/products/{id}/business-plan/decision", api -> {
            String product = registeredProduct(api);
            api.accepted("/api/products/" + product + "/idea-decision", Api.stepDecision(true, "DISTRICT", "2024-01-20"));
            api.accepted("/api/products/" + product + "/business-plan", """
                    {"submittedOn": "2024-02-10", "title": "Phương án sản xuất"}""");
            return new Target(HttpMethod.POST, "/api/products/" + product + "/business-plan/decision",
                    Api.stepDecision(true, "DISTRICT", "2024-03-10"));
        });
        targets.put("POST /api/products/{id}/evaluations", api -> new Target(HttpMethod.POST,
                "/api/products/" + api.approvedProduct(api.registerSubject(), "2024-01-10") + "/evaluations",
                Api.evaluation("FIRST", "PROVINCE", "2025-08-01", "35/20/25", "33.5/20/25")));
        targets.put("POST /api/products/{id}/forwarding", api -> {
            String product = api.approvedProduct(api.registerSubject(), "2024-01-10");
            String evaluation = evaluated(api, product, "DISTRICT", "35/20/25");
            return new Target(HttpMethod.POST, "/api/products/" + product + "/forwarding", """
                    {"evaluationId": "%s", "to": "PROVINCE", "forwardedOn": "2024-05-10"}""".formatted(evaluation));
        });
        targets.put("POST /api/products/{id}/national-nomination", api -> {
            String product = api.approvedProduct(api.registerSubject(), "2024-01-10");
            String evaluation = evaluated(api, product, "PROVINCE", "38/25/30");
            return new Target(HttpMethod.POST, "/api/products/" + product + "/national-nomination", """
                    {"evaluationId": "%s", "decision": %s}""".formatted(evaluation,
                    Api.decision("PROVINCE", "2024-05-15")));
        });
        targets.put("POST /api/products/{id}/recognition", api -> {
            String product = api.approvedProduct(api.registerSubject(), "2024-01-10");
            String evaluation = evaluated(api, product, "PROVINCE", "35/20/25");
            return new Target(HttpMethod.POST, "/api/products/" + product + "/recognition",
                    Api.recognition(evaluation, 4, "PROVINCE", "2024-06-01"));
        });
        targets.put("POST /api/products/{id}/certificate/re-evaluation-dossier", api -> {
            // decided so that its 26/2026 window (180 to 120 days before expiry) is open today
            LocalDate decided = today.plusDays(150).minusMonths(36);
            String product = api.approvedProduct(api.registerSubject(), decided.minusMonths(5).toString());
            String evaluation = api.firstProvincialEvaluation(product, decided.minusDays(10).toString(), "35/20/25",
                    "35/20/25");
            api.accepted("/api/products/" + product + "/recognition",
                    Api.recognition(evaluation, 4, "PROVINCE", decided.toString()));
            return new Target(HttpMethod.POST, "/api/products/" + product + "/certificate/re-evaluation-dossier",
                    "{\"filedOn\": \"" + today + "\"}");
        });
        targets.put("POST /api/products/{id}/certificate/revocation", api -> new Target(HttpMethod.POST,
                "/api/products/" + api.certifiedProduct(api.registerSubject(), "Trà dây", 4) + "/certificate/revocation",
                """
                {"reasonCode": "MARK_MISUSE", "concludedOn": "%s", "decision": %s}"""
                        .formatted(today.minusDays(3), Api.decision("PROVINCE", today.minusDays(1).toString()))));
        targets.put("POST /api/products/{id}/provincial-promotion", api -> new Target(HttpMethod.POST,
                "/api/products/" + api.certifiedProduct(api.registerSubject(), "Cà phê xứ lạnh", 3)
                        + "/provincial-promotion",
                "{\"decision\": " + Api.decision("PROVINCE", "2024-07-01") + "}"));
        targets.put("POST /api/products/{id}/key-product", api -> new Target(HttpMethod.POST,
                "/api/products/" + api.approvedProduct(api.registerSubject(), "2024-01-10") + "/key-product",
                "{\"decision\": " + Api.decision("PROVINCE", "2024-04-01") + "}"));
        targets.put("POST /api/budgets", api -> new Target(HttpMethod.POST, "/api/budgets",
                budgetLine(NEXT_YEAR.getAndIncrement())));
        targets.put("PATCH /api/budgets/{id}", api -> new Target(HttpMethod.PATCH,
                "/api/budgets/" + budgetLine(api), """
                {"amount": 900000000, "decision": %s}""".formatted(Api.decision("PROVINCE", "2026-03-01"))));
        targets.put("POST /api/budgets/{id}/closure", api -> new Target(HttpMethod.POST,
                "/api/budgets/" + budgetLine(api) + "/closure", "{\"closedOn\": \"" + today.minusDays(1) + "\"}"));
        targets.put("POST /api/support-grants", api -> {
            int year = NEXT_YEAR.getAndIncrement();
            String line = api.accepted("/api/budgets", budgetLine(year)).get("id").asText();
            return new Target(HttpMethod.POST, "/api/support-grants", grant(line, api.registerSubject(), year));
        });
        targets.put("POST /api/support-grants/{id}/disbursements", api -> new Target(HttpMethod.POST,
                "/api/support-grants/" + grant(api) + "/disbursements", disbursement(15_000_000L)));
        targets.put("POST /api/support-grants/{id}/cancellation", api -> new Target(HttpMethod.POST,
                "/api/support-grants/" + grant(api) + "/cancellation", """
                {"cancelledOn": "2026-09-30", "reason": "Chủ thể dừng dự án"}"""));
        targets.put("POST /api/support-grants/{id}/closure", api -> {
            String grant = grant(api);
            api.accepted("/api/support-grants/" + grant + "/disbursements", disbursement(40_000_000L));
            return new Target(HttpMethod.POST, "/api/support-grants/" + grant + "/closure",
                    "{\"closedOn\": \"" + today.minusDays(1) + "\"}");
        });
        targets.put("POST /api/programme-plans", api -> new Target(HttpMethod.POST, "/api/programme-plans",
                plan()));
        targets.put("PATCH /api/programme-plans/{id}", api -> new Target(HttpMethod.PATCH,
                "/api/programme-plans/" + api.accepted("/api/programme-plans", plan()).get("id").asText(), """
                {"toYear": 2030,
                 "targets": {"plannedProducts": 140, "keyProducts": 85, "productsToProvincialLevel": 10,
                             "starTargets": [{"minStars": 3, "products": 250, "byYear": 2025}]},
                 "decision": %s}""".formatted(Api.decision("PROVINCE", "2021-04-07"))));
        targets.put("POST /api/programme-plans/{id}/planned-products", api -> new Target(HttpMethod.POST,
                "/api/programme-plans/" + api.accepted("/api/programme-plans", plan()).get("id").asText()
                        + "/planned-products", """
                {"name": "Sâm Ngọc Linh", "districtCode": "610", "communeCode": "23374", "groupCode": "3"}"""));
        targets.put("POST /api/programme-plans/{id}/planned-products/{plannedProductId}/link", api -> {
            String plan = api.accepted("/api/programme-plans", plan()).get("id").asText();
            String planned = api.accepted("/api/programme-plans/" + plan + "/planned-products", """
                    {"name": "Sâm Ngọc Linh", "districtCode": "610", "communeCode": "23374", "groupCode": "3"}""")
                    .get("createdId").asText();
            String product = api.approvedProduct(api.registerSubject(), "2024-01-10");
            return new Target(HttpMethod.POST, "/api/programme-plans/" + plan + "/planned-products/" + planned
                    + "/link", "{\"productId\": \"" + product + "\"}");
        });
        return targets;
    }

    private static String registeredProduct(Api api) {
        return api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Mật ong rừng", "groupCode": "III", "criteriaSetCode": "18",
                 "communeCode": "23374", "registeredOn": "2024-01-10"}""".formatted(api.registerSubject()))
                .get("id").asText();
    }

    private static String evaluated(Api api, String product, String level, String points) {
        return level.equals("PROVINCE") ? api.firstProvincialEvaluation(product, "2024-05-01", points, points)
                : api.accepted("/api/products/" + product + "/evaluations",
                        Api.evaluation("FIRST", level, "2024-05-01", points, points)).get("createdId").asText();
    }

    private static String budgetLine(int year) {
        return """
                {"provinceCode": "62", "source": "SOCIALISED", "fiscalYear": %d, "amount": 800000000,
                 "decision": %s}""".formatted(year, Api.decision("PROVINCE", "2026-01-15"));
    }

    private static String budgetLine(Api api) {
        return api.accepted("/api/budgets", budgetLine(NEXT_YEAR.getAndIncrement())).get("id").asText();
    }

    private static String grant(String line, String subject, int year) {
        return """
                {"budgetLineId": "%s", "subjectId": "%s", "kind": "TRAINING", "amount": 40000000,
                 "costSharePercent": 70, "fiscalYear": %d, "decision": %s}"""
                .formatted(line, subject, year, Api.decision("PROVINCE", "2026-04-01"));
    }

    private static String grant(Api api) {
        int year = NEXT_YEAR.getAndIncrement();
        String line = api.accepted("/api/budgets", budgetLine(year)).get("id").asText();
        return api.accepted("/api/support-grants", grant(line, api.registerSubject(), year)).get("id").asText();
    }

    private static String disbursement(long amount) {
        return """
                {"amount": %d, "paidOn": "2026-06-01", "voucherReference": "PC-0042",
                 "acceptanceMinutesReference": "BB-0042"}""".formatted(amount);
    }

    private static String plan() {
        return """
                {"title": "Chương trình OCOP giai đoạn 2021–2025", "fromYear": 2021, "toYear": 2025,
                 "targets": {"plannedProducts": 138, "keyProducts": 85, "productsToProvincialLevel": 10,
                             "supportedProductsPerDistrictPerYear": 1, "supportedProductsFromYear": 2025},
                 "decision": %s}""".formatted(Api.decision("PROVINCE", "2021-01-12"));
    }
}
