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
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
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

    @Test
    void aPathNoRuleNamesIsDeniedEvenToTheAdministrator() {
        Http.Response response = Http.get(url("/api/not-an-endpoint"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(Http.get(url("/actuator/health"), Map.of("Authorization", Http.ANONYMOUS)).status())
                .isEqualTo(200);
    }

    private Http.Response call(Endpoint endpoint, String authorization) {
        Map<String, String> headers = Map.of("Authorization", authorization);
        if (endpoint.method() == HttpMethod.GET) {
            return Http.get(url(endpoint.path()), headers);
        }
        return Http.request(endpoint.method().name(), url(endpoint.path()), "application/json", "{}", headers);
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
