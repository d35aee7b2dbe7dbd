package vn.ocop.infra.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;
import vn.ocop.infra.TestAccounts;

/**
 * A closed period's reports are the state at the period's end on the business clock: captured, then events of
 * every kind dated later recorded — a subject registered and one dissolved, a product and its steps, a
 * revocation, a payment and a cancellation of the period's support, a plan amended, a new budget line — and
 * every report, in every format, reads as captured.
 */
class ReportStabilityTest extends ServiceTest {

    private static final List<String> REPORTS = List.of("/api/reports/annual-review?year=2024",
            "/api/reports/annual-review?year=2025", "/api/reports/phase-summary?from=2021&to=2025");

    @Test
    void laterDatedEventsChangeNoFigureOfAClosedPeriod() throws Exception {
        Api api = new Api(url(""));
        LocalDate today = LocalDate.now();
        // the past: a subject of 2025, a certified product, the year's support partly paid, a plan in force
        String subject = api.accepted("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber())
                .replace("\"communeCode\"", "\"registeredOn\": \"2025-03-01\", \"communeCode\"")).get("id").asText();
        String product = api.certifiedProduct(subject, "Cà phê Đăk Hà ổn định", 4);
        String line = api.accepted("/api/budgets", """
                {"provinceCode": "51", "source": "SOCIALISED", "fiscalYear": 2025, "amount": 800000000,
                 "decision": %s}""".formatted(Api.decision("PROVINCE", "2025-01-15"))).get("id").asText();
        String grant = api.accepted("/api/support-grants", """
                {"budgetLineId": "%s", "subjectId": "%s", "productId": "%s", "kind": "PACKAGING_LABEL_STORY",
                 "amount": 25000000, "costSharePercent": 50, "fiscalYear": 2025, "decision": %s}"""
                .formatted(line, subject, product, Api.decision("PROVINCE", "2025-04-01"))).get("id").asText();
        api.accepted("/api/support-grants/" + grant + "/disbursements", """
                {"amount": 15000000, "paidOn": "2025-06-01", "voucherReference": "PC-2025-1",
                 "acceptanceMinutesReference": "BB-2025-1"}""");
        String plan = api.accepted("/api/programme-plans", """
                {"title": "Kế hoạch ổn định báo cáo", "fromYear": 2021, "toYear": 2030,
                 "targets": {"plannedProducts": 120, "starTargets": [{"minStars": 3, "products": 90, "byYear": 2025}]},
                 "decision": %s}""".formatted(Api.decision("PROVINCE", "2021-02-01"))).get("id").asText();
        Map<String, Object> captured = capture();

        // later: every kind of event, each dated after the period
        api.registerSubject();
        api.accepted("/api/subjects/" + subject + "/status", """
                {"change": "DISSOLVE", "effectiveOn": "%s", "reason": "Giải thể"}""".formatted(today));
        String later = api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Mật ong mới", "groupCode": "I", "criteriaSetCode": "4",
                 "communeCode": "23374", "registeredOn": "%s"}""".formatted(api.registerSubject(), today.minusDays(5)))
                .get("id").asText();
        api.accepted("/api/products/" + later + "/idea-decision",
                Api.stepDecision(false, "COMMUNE", today.toString()));

        api.accepted("/api/products/" + product + "/certificate/revocation", """
                {"reasonCode": "PRODUCTION_STOPPED", "concludedOn": "%s", "decision": %s}"""
                .formatted(today.minusDays(2), Api.decision("PROVINCE", today.toString())));
        api.accepted("/api/support-grants/" + grant + "/disbursements", """
                {"amount": 5000000, "paidOn": "%s", "voucherReference": "PC-2025-2",
                 "acceptanceMinutesReference": "BB-2025-2"}""".formatted(today));
        api.accepted("/api/support-grants/" + grant + "/cancellation", """
                {"cancelledOn": "%s", "reason": "Chủ thể giải thể"}""".formatted(today));
        Http.Response amended = api.patch("/api/programme-plans/" + plan, """
                {"toYear": 2030, "targets": {"plannedProducts": 200,
                 "starTargets": [{"minStars": 3, "products": 150, "byYear": 2025}]}, "decision": %s}"""
                .formatted(Api.decision("PROVINCE", today.toString())), Map.of("If-Match", "\"0\""));
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        api.accepted("/api/budgets", """
                {"provinceCode": "51", "source": "SOCIALISED", "fiscalYear": %d, "amount": 100000000,
                 "decision": %s}""".formatted(today.getYear() + 1, Api.decision("PROVINCE", today.toString())));

        Map<String, Object> again = capture();
        for (String report : captured.keySet()) {
            assertThat(again.get(report)).as(report).isEqualTo(captured.get(report));
        }
    }

    /** Every report of the period, as JSON and as a CSV download. */
    private Map<String, Object> capture() throws Exception {
        Map<String, Object> reports = new LinkedHashMap<>();
        for (String report : REPORTS) {
            JsonNode json = Http.get(url(report)).json();
            reports.put(report, json);
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(report)))
                    .header("Accept", "text/csv").header("Authorization", TestAccounts.administrator().basic()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            reports.put(report + " (CSV)", csv.body());
        }
        return reports;
    }
}
