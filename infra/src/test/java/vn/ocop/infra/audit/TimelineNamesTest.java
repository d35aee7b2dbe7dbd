package vn.ocop.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/**
 * A record's timeline reads as officers write: levels, councils, decisions, funding sources, kinds of support
 * and revocation reasons by their names, in Vietnamese and in English — no stored code in any line.
 */
class TimelineNamesTest extends ServiceTest {

    /** A stored code as it would leak into a line: an enum constant or a criteria set's code. */
    private static final Pattern CODE = Pattern.compile(
            "\\b(?:[A-Z]{2,}_[A-Z0-9_]+|COMMUNE|DISTRICT|PROVINCE|CENTRAL|QD\\d+)\\b");

    @Test
    void everyLineOfAProductsGrantsAndBudgetsHistoryNamesWhatItsCodesMean() {
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        String product = api.approvedProduct(subject, "2024-01-10");
        String district = api.accepted("/api/products/" + product + "/evaluations",
                Api.evaluation("FIRST", "DISTRICT", "2024-04-01", "35/20/25", "35/20/25")).get("createdId").asText();
        api.accepted("/api/products/" + product + "/forwarding", """
                {"evaluationId": "%s", "to": "PROVINCE", "forwardedOn": "2024-04-10"}""".formatted(district));
        String province = api.accepted("/api/products/" + product + "/evaluations",
                Api.evaluation("FIRST", "PROVINCE", "2024-05-01", "35/20/25", "35/20/25")).get("createdId").asText();
        api.accepted("/api/products/" + product + "/recognition", Api.recognition(province, 4, "PROVINCE",
                "2024-06-01"));
        LocalDate today = LocalDate.now();
        api.accepted("/api/products/" + product + "/certificate/revocation", """
                {"reasonCode": "MARK_MISUSE", "concludedOn": "%s", "decision": %s}"""
                .formatted(today.minusDays(3), Api.decision("PROVINCE", today.minusDays(1).toString())));
        String line = api.accepted("/api/budgets", """
                {"provinceCode": "62", "source": "PROVINCIAL_BUDGET", "fiscalYear": 2099, "amount": 500000000,
                 "decision": %s}""".formatted(Api.decision("PROVINCE", "2026-01-15"))).get("id").asText();
        String grant = api.accepted("/api/support-grants", """
                {"budgetLineId": "%s", "subjectId": "%s", "kind": "TRAINING", "amount": 20000000,
                 "costSharePercent": 70, "fiscalYear": 2099, "decision": %s}"""
                .formatted(line, subject, Api.decision("PROVINCE", "2026-04-01"))).get("id").asText();

        List<JsonNode> entries = new ArrayList<>();
        Http.get(url("/api/products/" + product + "/timeline")).json().forEach(entries::add);
        Http.get(url("/api/audit/budgets/" + line + "/history")).json().forEach(entries::add);
        Http.get(url("/api/audit/support-grants/" + grant + "/history")).json().forEach(entries::add);

        assertThat(entries).hasSizeGreaterThanOrEqualTo(12).allSatisfy(entry -> {
            assertThat(entry.get("lineVi").asText()).as(entry.get("event").asText()).doesNotContainPattern(CODE);
            assertThat(entry.get("lineEn").asText()).as(entry.get("event").asText()).doesNotContainPattern(CODE);
        });
        assertHasLine(entries, "lineVi",
                "Hội đồng cấp huyện đánh giá ngày 01/04/2024: 80,00 điểm, xếp 4 sao (theo Quyết định 148/QĐ-TTg)",
                "Chuyển từ cấp huyện lên cấp tỉnh ngày 10/04/2024",
                "Hội đồng cấp tỉnh đánh giá ngày 01/05/2024: 80,00 điểm, xếp 4 sao (theo Quyết định 148/QĐ-TTg)",
                "Thu hồi giấy chứng nhận (Sử dụng sai biểu trưng OCOP) theo quyết định số ",
                "Phân bổ 500.000.000 đồng từ ngân sách tỉnh năm 2099",
                "Hỗ trợ đào tạo 20.000.000 đồng (70% chi phí)");
        assertHasLine(entries, "lineEn",
                "The district council evaluated on 2024-04-01: 80.00 points, rated 4 stars (under Decision 148/QĐ-TTg)",
                "Forwarded from the district level to the provincial level on 2024-04-10",
                "Certificate revoked (Misuse of the OCOP mark) by decision ",
                "500,000,000 đồng allocated from the provincial budget for 2099",
                "Support for training of 20,000,000 đồng (70% of cost)");
    }

    private static void assertHasLine(List<JsonNode> entries, String language, String... beginnings) {
        List<String> lines = entries.stream().map(entry -> entry.get(language).asText()).toList();
        for (String beginning : beginnings) {
            assertThat(lines).as(language).anySatisfy(line -> assertThat(line).startsWith(beginning));
        }
    }
}
