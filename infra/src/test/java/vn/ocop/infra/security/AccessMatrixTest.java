package vn.ocop.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;
import vn.ocop.infra.TestAccounts;

/**
 * The authorisation matrix, cell by cell: every endpoint the service maps, called by every role and by nobody.
 * A role the rules allow gets past security (whatever the request's own fate: 400, 404, 200); a role they do
 * not allow gets 403; no credentials get 401. An endpoint without a rule fails the coverage test.
 */
class AccessMatrixTest extends ServiceTest {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** An endpoint: a method and a path pattern. */
    private record Endpoint(HttpMethod method, String pattern) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint other) {
            return (pattern + " " + method).compareTo(other.pattern + " " + other.method);
        }

        /** A concrete path: every variable replaced by a value that names nothing. */
        String path() {
            return pattern.replaceAll("\\{[^}]+}", "no-such-thing");
        }
    }

    @Test
    void everyMappedEndpointHasARuleOrIsPublic() {
        List<String> unruled = new ArrayList<>();
        for (Endpoint endpoint : mapped()) {
            boolean isPublic = AccessRules.PUBLIC.stream().anyMatch(open -> PATHS.match(open, endpoint.pattern()));
            if (!isPublic && AccessRules.of(endpoint.method(), endpoint.pattern()).isEmpty()) {
                unruled.add(endpoint.method() + " " + endpoint.pattern());
            }
        }
        assertThat(unruled).as("endpoints without an access rule").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheMatrix() {
        List<DynamicTest> cells = new ArrayList<>();
        for (AccessRules.Rule rule : AccessRules.RULES) {
            Endpoint endpoint = new Endpoint(rule.method(), rule.pattern());
            for (Role role : Role.values()) {
                boolean allowed = rule.roles().contains(role);
                cells.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.pattern() + " as " + role
                        + (allowed ? " is allowed" : " is forbidden"), () -> {
                    Http.Response response = call(endpoint, TestAccounts.of(role).basic());
                    if (allowed) {
                        assertThat(response.status()).as(response.body()).isNotIn(401, 403);
                    } else {
                        assertThat(response.status()).as(response.body()).isEqualTo(403);
                        assertThat(response.json().get("type").asText()).isEqualTo("urn:ocop:problem:forbidden");
                    }
                }));
            }
            cells.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.pattern() + " without credentials "
                    + "is unauthenticated", () -> {
                Http.Response response = call(endpoint, Http.ANONYMOUS);
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
                JsonNode problem = response.json();
                assertThat(problem.get("type").asText()).isEqualTo("urn:ocop:problem:unauthenticated");
                assertThat(problem.get("titleVi").asText()).isNotBlank();
            }));
        }
        return cells.stream();
    }

    /**
     * The jurisdiction half: every rule on one subject, product or grant, for every officer bound to a province, a
     * district or a commune that the rule allows, on a record of its own and on one elsewhere — another district's
     * for the district and commune officers, another province's (48, served by the same deployment) for the
     * province officer of 51. Its own record gets past every check of place (whatever the request's own fate);
     * the other answers 404, exactly as an id that names nothing.
     */
    @TestFactory
    Stream<DynamicTest> everyJurisdictionCellOfTheMatrix() {
        Map<String, String[]> records = records();
        List<DynamicTest> cells = new ArrayList<>();
        for (AccessRules.Rule rule : AccessRules.RULES) {
            String kind = rule.pattern().startsWith("/api/support-grants/{id}") ? "support-grants"
                    : rule.pattern().startsWith("/api/products/{id}") ? "products"
                    : rule.pattern().startsWith("/api/subjects/{id}") ? "subjects" : null;
            if (kind == null) {
                continue;
            }
            for (Role role : new Role[] {Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER}) {
                if (!rule.roles().contains(role) || (kind.equals("support-grants") && role == Role.COMMUNE_OFFICER)) {
                    continue;
                }
                Map<String, String> as = Map.of("Authorization", TestAccounts.of(role).basic());
                String own = records.get(kind)[0];
                String other = records.get(kind)[role == Role.PROVINCE_OFFICER ? 2 : 1];
                cells.add(DynamicTest.dynamicTest(rule.method() + " " + rule.pattern() + " as " + role
                        + " on its own record", () -> {
                    Http.Response response = call(rule.method(), concrete(rule.pattern(), own), as);
                    assertThat(response.status()).as(response.body()).isNotIn(401, 403, 404);
                }));
                cells.add(DynamicTest.dynamicTest(rule.method() + " " + rule.pattern() + " as " + role
                        + (role == Role.PROVINCE_OFFICER ? " on another province's record"
                        : " on another district's record"), () -> {
                    Http.Response elsewhere = call(rule.method(), concrete(rule.pattern(), other), as);
                    Http.Response nothing = call(rule.method(), concrete(rule.pattern(), "no-such-thing"), as);
                    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(404);
                    assertThat(elsewhere.problemOfAnyRequest()).isEqualTo(nothing.problemOfAnyRequest());
                }));
            }
        }
        assertThat(cells).hasSizeGreaterThan(30);
        return cells.stream();
    }

    /**
     * The level half: the level a decision or council is recorded at is bounded by the account, not taken from
     * the body. A district officer, on a product of its own district, records no provincial council and no
     * provincial recognition (403); a province officer records a district decision of the past, but none dated
     * after the district level was abolished (422, naming it).
     */
    @Test
    void theLevelOfADecisionIsBoundedByTheAccount() {
        Api api = new Api(url(""));
        Map<String, String> district = Map.of("Authorization", TestAccounts.of(Role.DISTRICT_OFFICER).basic());
        Map<String, String> province = Map.of("Authorization", TestAccounts.of(Role.PROVINCE_OFFICER).basic());
        String product = api.approvedProduct(api.registerSubject(), "2024-01-10");
        String evaluations = "/api/products/" + product + "/evaluations";

        Http.Response provincialCouncil = api.post(evaluations,
                Api.evaluation("FIRST", "PROVINCE", "2024-05-01", "35/20/25", "35/20/25"), district);
        assertThat(provincialCouncil.status()).as(provincialCouncil.body()).isEqualTo(403);
        assertThat(provincialCouncil.json().get("type").asText()).isEqualTo("urn:ocop:problem:level-above-account");
        Http.Response districtCouncil = api.post(evaluations,
                Api.evaluation("FIRST", "DISTRICT", "2024-04-01", "35/20/25", "35/20/25"), district);
        assertThat(districtCouncil.status()).as(districtCouncil.body()).isEqualTo(201);
        Http.Response forwarded = api.post("/api/products/" + product + "/forwarding", """
                {"evaluationId": "%s", "to": "PROVINCE", "forwardedOn": "2024-04-10"}"""
                .formatted(districtCouncil.json().get("createdId").asText()), district);
        assertThat(forwarded.status()).as(forwarded.body()).isBetween(200, 201);

        String provincialEvaluation = api.post(evaluations,
                Api.evaluation("FIRST", "PROVINCE", "2024-05-01", "35/20/25", "35/20/25"), province)
                .json().get("createdId").asText();
        for (String level : List.of("PROVINCE", "CENTRAL")) {
            Http.Response recognition = api.post("/api/products/" + product + "/recognition",
                    Api.recognition(provincialEvaluation, 4, level, "2024-06-01"), district);
            assertThat(recognition.status()).as(recognition.body()).isEqualTo(403);
            assertThat(recognition.json().get("type").asText()).isEqualTo("urn:ocop:problem:level-above-account");
        }

        String late = api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Cà phê xứ lạnh", "groupCode": "III", "criteriaSetCode": "18",
                 "communeCode": "23374", "registeredOn": "2025-06-01"}""".formatted(api.registerSubject()))
                .get("id").asText();
        Http.Response abolished = api.post("/api/products/" + late + "/idea-decision",
                Api.stepDecision(true, "DISTRICT", "2025-07-10"), province);
        assertThat(abolished.status()).as(abolished.body()).isEqualTo(422);
        assertThat(abolished.json().get("type").asText()).isEqualTo("urn:ocop:problem:authority-level-abolished");
        assertThat(abolished.json().get("detail").asText()).containsIgnoringCase("district");
        Http.Response before = api.post("/api/products/" + late + "/idea-decision",
                Api.stepDecision(true, "DISTRICT", "2025-06-20"), province);
        assertThat(before.status()).as(before.body()).isBetween(200, 201);
    }

    /**
     * Two provinces in one deployment: each province's officer reads and acts on its own province's records and
     * not on the other's, which it is told do not exist, and sees only its own in the lists; the ministry reads
     * both and records the central level's councils, not a province's.
     */
    @Test
    void provinceOfficersOfTwoProvincesStayInTheirOwnAndTheMinistryReadsBoth() {
        Api api = new Api(url(""));
        Map<String, String> quangNgai = Map.of("Authorization", TestAccounts.of(Role.PROVINCE_OFFICER).basic());
        Map<String, String> daNang = Map.of("Authorization", TestAccounts.otherProvince().basic());
        Map<String, String> ministry = Map.of("Authorization", TestAccounts.of(Role.MINISTRY_OFFICER).basic());
        Http.Response registered = api.post("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber())
                .replace("\"23374\"", "\"20242\""), daNang);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Http.Response idea = api.post("/api/products", """
                {"subjectId": "%s", "name": "Nước mắm Nam Ô", "groupCode": "I", "criteriaSetCode": "1",
                 "communeCode": "20242", "registeredOn": "2026-02-01"}"""
                .formatted(registered.json().get("id").asText()), daNang);
        assertThat(idea.status()).as(idea.body()).isEqualTo(201);
        String daNangProduct = idea.json().get("id").asText();
        String quangNgaiProduct = api.approvedProduct(api.registerSubject(), "2024-01-10");
        assertThat(Http.get(url("/api/products/" + daNangProduct + "?minVersion=0"), daNang).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/products/" + quangNgaiProduct + "?minVersion=0"), daNang).status())
                .isEqualTo(404);
        assertThat(Http.get(url("/api/products/" + daNangProduct), quangNgai).status()).isEqualTo(404);
        // a Đà Nẵng officer cannot place a new record in Quảng Ngãi
        Http.Response outside = api.post("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber()),
                daNang);
        assertThat(outside.status()).as(outside.body()).isEqualTo(403);
        assertThat(outside.json().get("type").asText()).isEqualTo("urn:ocop:problem:outside-jurisdiction");

        assertThat(Http.get(url("/api/products/" + daNangProduct), ministry).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/products/" + quangNgaiProduct), ministry).status()).isEqualTo(200);
        String evaluations = "/api/products/" + quangNgaiProduct + "/evaluations";
        Http.Response provincial = api.post(evaluations,
                Api.evaluation("FIRST", "PROVINCE", "2024-05-01", "35/20/25", "35/20/25"), ministry);
        assertThat(provincial.status()).as(provincial.body()).isEqualTo(403);
        assertThat(provincial.json().get("type").asText()).isEqualTo("urn:ocop:problem:level-below-account");
        Http.Response own = api.post("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber()),
                ministry);
        assertThat(own.status()).as("the ministry registers no producer").isEqualTo(403);
    }

    @Test
    void aPathNoRuleNamesIsDeniedEvenToTheAdministrator() {
        Http.Response response = Http.get(url("/api/not-an-endpoint"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(Http.get(url("/actuator/health"), Map.of("Authorization", Http.ANONYMOUS)).status())
                .isEqualTo(200);
    }

    private Http.Response call(Endpoint endpoint, String authorization) {
        return call(endpoint.method(), endpoint.path(), Map.of("Authorization", authorization));
    }

    private Http.Response call(HttpMethod method, String path, Map<String, String> headers) {
        if (method == HttpMethod.GET) {
            return Http.get(url(path), headers);
        }
        return Http.request(method.name(), url(path), "application/json", "{}", headers);
    }

    /** The pattern with its record's id in place, any other variable naming nothing. */
    private static String concrete(String pattern, String id) {
        return pattern.replace("{id}", id).replaceAll("\\{[^}]+}", "no-such-thing");
    }


    /**
     * A subject, a product and a grant in commune 23374 (district 610, the officers' own), in commune 23377
     * (district 611) and in commune 20194 (Đà Nẵng, province 48), each as {own, other district, other province}.
     */
    private Map<String, String[]> records() {
        Api api = new Api(url(""));
        String[] subjects = new String[3];
        String[] products = new String[3];
        String[] grants = new String[3];
        String line = api.accepted("/api/budgets", """
                {"provinceCode": "62", "source": "PROVINCIAL_BUDGET", "fiscalYear": 2077, "amount": 900000000,
                 "decision": %s}""".formatted(Api.decision("PROVINCE", "2026-01-15"))).get("id").asText();
        String[] communes = {"23374", "23377", "20194"};
        for (int i = 0; i < communes.length; i++) {
            subjects[i] = api.accepted("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber())
                    .replace("\"23374\"", "\"" + communes[i] + "\"")).get("id").asText();
            products[i] = api.accepted("/api/products", """
                    {"subjectId": "%s", "name": "Cà phê xứ lạnh", "groupCode": "III", "criteriaSetCode": "18",
                     "communeCode": "%s", "registeredOn": "2024-01-10"}""".formatted(subjects[i], communes[i]))
                    .get("id").asText();
            grants[i] = api.accepted("/api/support-grants", """
                    {"budgetLineId": "%s", "subjectId": "%s", "kind": "TRAINING", "amount": 10000000,
                     "costSharePercent": 70, "fiscalYear": 2077, "decision": %s}"""
                    .formatted(line, subjects[i], Api.decision("PROVINCE", "2026-04-01"))).get("id").asText();
            assertThat(Http.get(url("/api/products/" + products[i] + "?minVersion=0")).status()).isEqualTo(200);
            assertThat(Http.get(url("/api/subjects/" + subjects[i] + "?minVersion=0")).status()).isEqualTo(200);
        }
        return Map.of("subjects", subjects, "products", products, "support-grants", grants);
    }

    private Set<Endpoint> mapped() {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(method ->
                        endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern)));
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(50);
        return endpoints;
    }
}
