package vn.ocop.infra.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.infra.Api.evaluation;
import static vn.ocop.infra.Api.evaluationBySheets;
import static vn.ocop.infra.Api.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.TestAccounts;
import vn.ocop.infra.StoredEvents;

/**
 * A multi-year history through HTTP — recognitions, an upgrade, a re-recognition, expiries fired by the
 * scheduler, a revocation — and the annual reviews that must account for it, year by year, in JSON, CSV and XLSX.
 */
@DirtiesContext
class AnnualReviewTest extends ServiceTest {

    private static final List<Integer> YEARS = List.of(2021, 2022, 2023, 2024, 2025, 2026);

    @DynamicPropertySource
    static void executeDeadlines(DynamicPropertyRegistry registry) {
        registry.add("ocop.scheduler.enabled", () -> "true");
        registry.add("ocop.scheduler.polling-interval", () -> "200ms");
    }

    @Autowired
    JdbcTemplate jdbc;

    private Api api;

    @Test
    void eachYearsReviewAccountsForTheHistoryAndTheRegistersIdentityHolds() throws Exception {
        api = new Api(url(""));
        Map<Integer, JsonNode> before = reviews();
        String subject = api.registerSubject();

        // Each product's steps are entered before any of its certificate's dates fall due: the scheduler fires
        // a date already past at once.
        String p1 = certified(subject, "2020-09-01", "1", null, "PROVINCE", "2021-02-15", 4, "2021-03-01");
        String p2 = certified(subject, "2021-12-01", "1", null, "PROVINCE", "2022-05-15", 3, "2022-06-01");
        String p3 = certified(subject, "2023-12-01", "I", "1", "DISTRICT", "2024-05-20", 3, "2024-06-01");
        api.accepted("/api/products/" + p3 + "/certificate/revocation", """
                {"reasonCode": "PRODUCTION_STOPPED", "concludedOn": "2025-08-01", "decision": %s}"""
                .formatted(Api.decision("PROVINCE", "2025-08-05")));
        String p4 = certified(subject, "2023-09-01", "I", "1", "DISTRICT", "2024-01-20", 3, "2024-02-01");
        String upgrade = api.accepted("/api/products/" + p4 + "/evaluations",
                evaluation("UPGRADE", "PROVINCE", "2025-02-20", "35/20/25", "32/20/23")).get("createdId").asText();
        api.accepted("/api/products/" + p4 + "/recognition", recognition(upgrade, 4, "PROVINCE", "2025-03-01"));
        String p5 = certified(subject, "2023-06-01", "I", "1", "PROVINCE", "2023-11-20", 4, "2023-12-10");
        String renewal = api.accepted("/api/products/" + p5 + "/evaluations",
                evaluationBySheets("1", "RE_EVALUATION", "PROVINCE", "2026-09-01", 80, 75)).get("createdId").asText();
        api.accepted("/api/products/" + p5 + "/recognition", recognition(renewal, 4, "PROVINCE", "2026-09-15"));

        // p1 expires 2024-03-01 and p2 2025-06-01: the scheduler records both.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                StoredEvents.typesOf(jdbc, p1).contains("CertificateExpired")
                        && StoredEvents.typesOf(jdbc, p2).contains("CertificateExpired"));
        Map<Integer, JsonNode> after = reviews();

        Map<Integer, long[]> expected = new HashMap<>();
        // year → new, upgrades, re-recognitions, expiries, revocations, valid at year end (of these products)
        expected.put(2021, new long[] {1, 0, 0, 0, 0, 1});
        expected.put(2022, new long[] {1, 0, 0, 0, 0, 2});
        expected.put(2023, new long[] {1, 0, 0, 0, 0, 3});
        expected.put(2024, new long[] {2, 0, 0, 1, 0, 4});
        expected.put(2025, new long[] {0, 1, 0, 1, 1, 2});
        expected.put(2026, new long[] {0, 0, 1, 0, 0, 2});
        for (int year : YEARS) {
            JsonNode review = after.get(year);
            long[] delta = expected.get(year);
            assertThat(difference(review, before.get(year), "newRecognitions")).as(year + " new").isEqualTo(delta[0]);
            assertThat(difference(review, before.get(year), "upgrades")).as(year + " upgrades").isEqualTo(delta[1]);
            assertThat(difference(review, before.get(year), "reRecognitions")).as(year + " re-recognitions")
                    .isEqualTo(delta[2]);
            assertThat(difference(review, before.get(year), "expiries")).as(year + " expiries").isEqualTo(delta[3]);
            assertThat(difference(review, before.get(year), "revocations")).as(year + " revocations")
                    .isEqualTo(delta[4]);
            assertThat(difference(review, before.get(year), "validAtYearEnd")).as(year + " valid")
                    .isEqualTo(delta[5]);
            assertThat(review.get("validAtYearEnd").asLong()).as(year + " identity").isEqualTo(
                    review.get("validAtPreviousYearEnd").asLong() + review.get("newRecognitions").asLong()
                            - review.get("expiries").asLong() - review.get("revocations").asLong());
        }
        assertThat(after.get(2025).at("/revocationsByReason/PRODUCTION_STOPPED").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode phase = Http.get(url("/api/reports/phase-summary?from=2021&to=2026")).json();
        long newOverPhase = 0;
        for (int year : YEARS) {
            newOverPhase += after.get(year).get("newRecognitions").asLong();
        }
        assertThat(phase.get("newRecognitions").asLong()).isEqualTo(newOverPhase);
        assertThat(phase.get("validAtEnd").asLong()).isEqualTo(phase.get("validAtStart").asLong()
                + phase.get("newRecognitions").asLong() - phase.get("expiries").asLong()
                - phase.get("revocations").asLong());
        assertThat(phase.get("years").size()).isEqualTo(6);
        Http.Response backwards = Http.get(url("/api/reports/phase-summary?from=2025&to=2021"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("type").asText()).isEqualTo("urn:ocop:problem:invalid-field");

        assertCsv(2024);
        assertXlsx(2024);
        HttpResponse<byte[]> phaseSheet = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/api/reports/phase-summary?from=2021&to=2026")))
                .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .header("Authorization", TestAccounts.administrator().basic()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(phaseSheet.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Tổng kết giai đoạn 2021–2026");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Cả giai đoạn 2021–2026");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue())
                    .isEqualTo(phase.get("newRecognitions").asDouble());
        }
    }

    private void assertCsv(int year) throws Exception {
        HttpResponse<byte[]> response = download(year, "text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("tong-ket-ocop-" + year + ".csv");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            assertThat(csv.getHeaderNames()).containsExactly("Mục", "Chỉ tiêu", "Giá trị");
            List<CSVRecord> rows = csv.getRecords();
            assertThat(rows).anySatisfy(row -> {
                assertThat(row.get("Mục")).isEqualTo("Sản phẩm còn hiệu lực");
                assertThat(row.get("Chỉ tiêu")).isEqualTo("Cuối năm");
                assertThat(Long.parseLong(row.get("Giá trị"))).isGreaterThanOrEqualTo(4);
            });
            assertThat(rows).anySatisfy(row -> assertThat(row.get("Mục")).isEqualTo("Công nhận mới"));
        }
    }

    private void assertXlsx(int year) throws Exception {
        HttpResponse<byte[]> response = download(year,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Tổng kết năm " + year);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mục");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Chỉ tiêu");
            boolean found = false;
            for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                if (sheet.getRow(row).getCell(0).getStringCellValue().equals("Sản phẩm còn hiệu lực")
                        && sheet.getRow(row).getCell(1).getStringCellValue().equals("Cuối năm")) {
                    found = sheet.getRow(row).getCell(2).getNumericCellValue() >= 4;
                }
            }
            assertThat(found).isTrue();
        }
    }

    private HttpResponse<byte[]> download(int year, String accept) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/api/reports/annual-review?year=" + year))).header("Accept", accept)
                        .header("Authorization", TestAccounts.administrator().basic()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private Map<Integer, JsonNode> reviews() {
        Map<Integer, JsonNode> reviews = new HashMap<>();
        for (int year : YEARS) {
            reviews.put(year, Http.get(url("/api/reports/annual-review?year=" + year)).json());
        }
        return reviews;
    }

    private static long difference(JsonNode after, JsonNode before, String field) {
        return after.get(field).asLong() - before.get(field).asLong();
    }

    /** A product registered on {@code registered} and recognised at {@code stars} by {@code level} on {@code on}. */
    private String certified(String subject, String registered, String group, String set, String level,
                             String evaluatedOn, int stars, String on) {
        LocalDate start = LocalDate.parse(registered);
        String product = api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Sản phẩm thử %s", "groupCode": "%s", %s "communeCode": "23500",
                 "registeredOn": "%s"}""".formatted(subject, registered, group,
                set == null ? "" : "\"criteriaSetCode\": \"" + set + "\",", registered)).get("id").asText();
        api.accepted("/api/products/" + product + "/idea-decision",
                Api.stepDecision(true, "PROVINCE", start.plusDays(10).toString()));
        api.accepted("/api/products/" + product + "/business-plan", """
                {"submittedOn": "%s", "title": "Phương án"}""".formatted(start.plusMonths(1)));
        api.accepted("/api/products/" + product + "/business-plan/decision",
                Api.stepDecision(true, "PROVINCE", start.plusMonths(2).toString()));
        String points = stars == 3 ? "25/20/15" : "35/20/25";
        String evaluationId = level.equals("PROVINCE")
                ? api.firstProvincialEvaluation(product, evaluatedOn, points, points)
                : api.accepted("/api/products/" + product + "/evaluations",
                        evaluation("FIRST", level, evaluatedOn, points, points)).get("createdId").asText();
        api.accepted("/api/products/" + product + "/recognition", recognition(evaluationId, stars, level, on));
        return product;
    }
}
