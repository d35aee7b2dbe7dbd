package vn.ocop.infra.security;

import static vn.ocop.infra.security.Role.ADMINISTRATOR;
import static vn.ocop.infra.security.Role.AUDITOR;
import static vn.ocop.infra.security.Role.COMMUNE_OFFICER;
import static vn.ocop.infra.security.Role.COUNCIL_SECRETARY;
import static vn.ocop.infra.security.Role.DISTRICT_OFFICER;
import static vn.ocop.infra.security.Role.MINISTRY_OFFICER;
import static vn.ocop.infra.security.Role.PROVINCE_OFFICER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Which roles may call which endpoint: the function-level half of the authorisation matrix, in one table.
 * Every endpoint of the API has exactly one rule here; a request that matches none is denied. The
 * administrator may call everything. {@code docs/security.md} prints this table; {@code AccessMatrixTest}
 * tries every cell.
 */
public final class AccessRules {

    /** One row: an endpoint, as its controller maps it, and the roles allowed to call it. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {
    }

    /** Paths anybody may call without credentials. */
    public static final List<String> PUBLIC = List.of(
            "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/error", "/public/**");

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> OFFICERS = EnumSet.of(PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER);
    private static final Set<Role> DECIDERS = EnumSet.of(PROVINCE_OFFICER, DISTRICT_OFFICER);
    private static final Set<Role> PROVINCE = EnumSet.of(PROVINCE_OFFICER);
    /** Who reads records with their details: not the dashboards' viewers. */
    private static final Set<Role> RECORD_READERS = EnumSet.of(PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER,
            COUNCIL_SECRETARY, AUDITOR, MINISTRY_OFFICER);
    /** Who records a level's recognition or revocation: the ministry at the central level only. */
    private static final Set<Role> RECOGNISERS = EnumSet.of(PROVINCE_OFFICER, DISTRICT_OFFICER, MINISTRY_OFFICER);
    private static final Set<Role> AUDIT = EnumSet.of(AUDITOR);
    private static final Set<Role> ADMINISTRATION = EnumSet.noneOf(Role.class);

    public static final List<Rule> RULES = List.of(
            // subjects
            post("/api/subjects", OFFICERS),
            patch("/api/subjects/{id}", OFFICERS),
            post("/api/subjects/{id}/status", DECIDERS),
            get("/api/subjects", RECORD_READERS),
            get("/api/subjects/{id}", RECORD_READERS),
            get("/api/subjects/{id}/portfolio", RECORD_READERS),
            // products through the cycle
            post("/api/products", OFFICERS),
            post("/api/products/{id}/idea-decision", OFFICERS),
            post("/api/products/{id}/business-plan", OFFICERS),
            post("/api/products/{id}/business-plan/decision", OFFICERS),
            post("/api/products/{id}/evaluations", EnumSet.of(COUNCIL_SECRETARY, PROVINCE_OFFICER, DISTRICT_OFFICER,
                    MINISTRY_OFFICER)),
            post("/api/products/{id}/forwarding", DECIDERS),
            post("/api/products/{id}/national-nomination", PROVINCE),
            post("/api/products/{id}/recognition", RECOGNISERS),
            post("/api/products/{id}/certificate/re-evaluation-dossier", OFFICERS),
            post("/api/products/{id}/certificate/revocation", RECOGNISERS),
            post("/api/products/{id}/provincial-promotion", PROVINCE),
            post("/api/products/{id}/key-product", PROVINCE),
            get("/api/products", RECORD_READERS),
            get("/api/products/{id}", RECORD_READERS),
            get("/api/products/{id}/timeline", RECORD_READERS),
            get("/api/evaluations", RECORD_READERS),
            get("/api/evaluations/{id}/documents/member-sheets/{member}", RECORD_READERS),
            get("/api/evaluations/{id}/documents/summary", RECORD_READERS),
            get("/api/products/{id}/documents/self-assessment", RECORD_READERS),
            get("/api/products/{id}/documents/commune-report", RECORD_READERS),
            // bulk import of existing lists
            post("/api/imports", DECIDERS),
            get("/api/imports/{id}", DECIDERS),
            // support and plans
            post("/api/budgets", PROVINCE),
            patch("/api/budgets/{id}", PROVINCE),
            post("/api/budgets/{id}/closure", PROVINCE),
            post("/api/support-grants", DECIDERS),
            get("/api/support-grants", RECORD_READERS),
            post("/api/support-grants/{id}/disbursements", DECIDERS),
            post("/api/support-grants/{id}/cancellation", DECIDERS),
            post("/api/support-grants/{id}/closure", DECIDERS),
            post("/api/programme-plans", PROVINCE),
            patch("/api/programme-plans/{id}", PROVINCE),
            post("/api/programme-plans/{id}/planned-products", PROVINCE),
            post("/api/programme-plans/{id}/planned-products/{plannedProductId}/link", PROVINCE),
            // dashboards and reports
            get("/api/dashboard/overview", EVERYONE),
            get("/api/dashboard/districts", EVERYONE),
            get("/api/dashboard/units", EVERYONE),
            get("/api/dashboard/provinces", EVERYONE),
            get("/api/dashboard/support", EVERYONE),
            get("/api/dashboard/expiring", EVERYONE),
            get("/api/dashboard/targets", EVERYONE),
            get("/api/reports/annual-review", EVERYONE),
            get("/api/reports/phase-summary", EVERYONE),
            get("/api/activity", EnumSet.of(PROVINCE_OFFICER, AUDITOR)),
            // reference data
            get("/api/reference/administrative-units", EVERYONE),
            get("/api/reference/product-taxonomy", EVERYONE),
            get("/api/reference/criteria-sets", EVERYONE),
            get("/api/reference/criteria-sets/{code}", EVERYONE),
            get("/api/reference/provinces", EVERYONE),
            get("/api/reference/provinces/{code}/communes", EVERYONE),
            // the audit
            get("/api/audit/events", AUDIT),
            get("/api/audit/{aggregateType}/{id}/history", AUDIT),
            get("/api/audit/{aggregateType}/{id}/state", AUDIT),
            get("/api/audit/verification", AUDIT),
            post("/api/audit/verification", AUDIT),
            get("/api/audit/chain/public-key", AUDIT),
            get("/api/audit/chain/checkpoints", AUDIT),
            // operations
            get("/api/admin/projections", AUDIT),
            get("/api/admin/projections/{name}/status", AUDIT),
            post("/api/admin/projections/{name}/verification", AUDIT),
            post("/api/admin/projections/{name}/rebuild", ADMINISTRATION),
            get("/api/admin/projections/{name}/dead-letters", AUDIT),
            post("/api/admin/projections/{name}/dead-letters/retry", ADMINISTRATION),
            get("/api/admin/time-travel/checkpoints", AUDIT),
            get("/actuator/prometheus", ADMINISTRATION),
            get("/actuator/metrics", ADMINISTRATION),
            get("/actuator/metrics/{name}", ADMINISTRATION),
            get("/actuator/info", ADMINISTRATION),
            // accounts
            get("/api/accounts", ADMINISTRATION),
            post("/api/accounts", ADMINISTRATION),
            patch("/api/accounts/{username}", ADMINISTRATION),
            post("/api/accounts/{username}/password-reset", ADMINISTRATION),
            get("/api/account", EVERYONE),
            post("/api/account/password", EVERYONE));

    private AccessRules() {
    }

    /** The rule of an endpoint, by its method and its pattern exactly as mapped. */
    public static Optional<Rule> of(HttpMethod method, String pattern) {
        return RULES.stream().filter(rule -> rule.method().equals(method) && rule.pattern().equals(pattern))
                .findFirst();
    }

    /** The table as Markdown, one row per endpoint and a column per role: what docs/security.md prints. */
    public static String markdown() {
        StringBuilder table = new StringBuilder("| endpoint |");
        for (Role role : Role.values()) {
            table.append(' ').append(role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(Role.values().length)).append('\n');
        for (Rule rule : RULES) {
            table.append("| `").append(rule.method()).append(' ').append(rule.pattern()).append("` |");
            for (Role role : Role.values()) {
                table.append(rule.roles().contains(role) ? " ✓ |" : " |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static Rule get(String pattern, Set<Role> roles) {
        return rule(HttpMethod.GET, pattern, roles);
    }

    private static Rule post(String pattern, Set<Role> roles) {
        return rule(HttpMethod.POST, pattern, roles);
    }

    private static Rule patch(String pattern, Set<Role> roles) {
        return rule(HttpMethod.PATCH, pattern, roles);
    }

    private static Rule rule(HttpMethod method, String pattern, Set<Role> roles) {
        Set<Role> allowed = EnumSet.of(ADMINISTRATOR);
        allowed.addAll(roles);
        return new Rule(method, pattern, Set.copyOf(new ArrayList<>(allowed)));
    }
}
