package vn.ocop.infra.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.StoredEvents;
import vn.ocop.reference.SampleAnswers;

/**
 * A council of three fills its scoring sheets through the API: the stored event holds every answer and what the
 * rulebook derived from them, the evaluations view serves the same, a rebuild of the view gives the same rating,
 * and the timeline names the criterion that held the rating below its band.
 */
class ScoringSheetsApiTest extends ServiceTest {

    /** Set 18's criterion 2.1: options of 0, 1, 2 and 3 points; 3 points (option 3) is the 4★ minimum. */
    private static final String CAPPING = "2.1";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void threeMembersSheetsAreStoredServedAndRebuiltToTheSameRating() {
        Api api = new Api(url(""));
        String product = api.approvedProduct(api.registerSubject(), "2025-03-01");
        SampleAnswers sheet = SampleAnswers.of("18");
        Map<String, Integer> short2 = sheet.with(CAPPING, 2).totalling(82, 5);
        Map<String, Integer> met = new HashMap<>(short2);
        met.put(CAPPING, 3);
        String body = """
                {"kind": "FIRST", "level": "PROVINCE", "round": "2026-1", "evaluatedOn": "2026-08-10",
                 "memberSheets": [%s, %s, %s]}""".formatted(Api.sheet("Nguyễn Văn An", short2),
                Api.sheet("Trần Thị Bình", short2), Api.sheet("Lê Văn Cường", met));
        String evaluationId = api.accepted("/api/products/" + product + "/evaluations", body).get("createdId").asText();

        JsonNode stored = StoredEvents.of(jdbc, product).stream()
                .filter(event -> event.type().equals("ProductEvaluated")).findFirst().orElseThrow().payload();
        assertThat(stored.get("productSetCode").asText()).isEqualTo("18");
        assertThat(stored.get("memberSheets")).hasSize(3);
        JsonNode third = stored.get("memberSheets").get(2);
        assertThat(third.get("member").asText()).isEqualTo("Lê Văn Cường");
        assertThat(third.get("answers")).hasSize(31);
        assertThat(third.get("answers").get(CAPPING).get("option").asInt()).isEqualTo(3);
        assertThat(third.get("answers").get(CAPPING).get("points").asInt()).isEqualTo(3);
        assertThat(stored.get("memberScores").get(0).get("partA").decimalValue()
                .add(stored.get("memberScores").get(0).get("partB").decimalValue())
                .add(stored.get("memberScores").get(0).get("partC").decimalValue())).isEqualByComparingTo("82");
        assertThat(stored.get("score").decimalValue()).isEqualByComparingTo("82.33");
        assertThat(stored.get("scoreBand").asInt()).isEqualTo(4);
        assertThat(stored.get("minimumsMetUpTo").asInt()).isEqualTo(3);
        assertThat(stored.get("stars").asInt()).isEqualTo(3);
        assertThat(stored.get("minimumsNotMet")).singleElement().satisfies(missed -> {
            assertThat(missed.get("criterion").asText()).isEqualTo(CAPPING);
            assertThat(missed.get("stars").asInt()).isEqualTo(4);
            assertThat(missed.get("points").asInt()).isEqualTo(2);
        });

        JsonNode row = evaluation(product);
        assertThat(row.get("evaluationId").asText()).isEqualTo(evaluationId);
        assertThat(row.get("stars").asInt()).isEqualTo(3);
        assertThat(row.get("productSetCode").asText()).isEqualTo("18");
        assertThat(row.get("memberSheets")).isEqualTo(stored.get("memberSheets"));
        assertThat(row.get("minimumsNotMet")).isEqualTo(stored.get("minimumsNotMet"));
        assertThat(row.get("councilAnswers").get(CAPPING).get("option").asInt()).as("two of three chose 2 points")
                .isEqualTo(2);
        assertThat(row.get("councilAnswers")).hasSize(31);
        assertThat(row.get("cappedBy")).extracting(JsonNode::asText).containsExactly(CAPPING);

        assertThat(Http.post(url("/api/admin/projections/evaluations/rebuild"), null, "", Map.of()).status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = Http.get(url("/api/admin/projections/evaluations/status")).json();
            return status.get("caughtUp").asBoolean() && Http.get(url("/api/evaluations?productId=" + product))
                    .json().get("items").size() == 1;
        });
        assertThat(evaluation(product)).isEqualTo(row);

        List<String> lines = Http.get(url("/api/products/" + product + "/timeline")).json().findValuesAsText("lineVi");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("giữ ở 3 sao vì tiêu chí 2.1 “Nguồn gốc ý tưởng sản phẩm”").contains("mức tối thiểu của 4 sao"));
        assertThat(Http.get(url("/api/products/" + product + "/timeline")).json().findValuesAsText("lineEn"))
                .anySatisfy(line -> assertThat(line).contains("held at 3 stars because criterion 2.1")
                        .contains("4-star minimum"));
    }

    @Test
    void aSheetMissingACriterionIsRefusedNamingItAndNothingIsWritten() {
        Api api = new Api(url(""));
        String product = api.approvedProduct(api.registerSubject(), "2025-03-01");
        Map<String, Integer> answers = new HashMap<>(SampleAnswers.of("18").totalling(80, 5));
        answers.remove("5.3");
        Http.Response refused = api.post("/api/products/" + product + "/evaluations", """
                {"kind": "FIRST", "level": "PROVINCE", "evaluatedOn": "2026-08-10", "memberSheets": [%s]}"""
                .formatted(Api.sheet("Nguyễn Văn An", answers)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).endsWith("criterion-not-answered");
        assertThat(refused.body()).contains("memberSheets[0].options['5.3']");
        assertThat(StoredEvents.typesOf(jdbc, product)).doesNotContain("ProductEvaluated");
    }

    @Test
    void theMembersSheetTheCouncilsSummaryAndFormsTwoAndThreeDownloadAsPdfAndXlsx() throws Exception {
        Api api = new Api(url(""));
        String product = api.approvedProduct(api.registerSubject(), "2025-03-01", "Trà dây Đắk Hà");
        SampleAnswers sheet = SampleAnswers.of("18");
        Map<String, Integer> short2 = sheet.with(CAPPING, 2).totalling(82, 5);
        String evaluationId = api.accepted("/api/products/" + product + "/evaluations", """
                {"kind": "FIRST", "level": "PROVINCE", "round": "2026-1", "evaluatedOn": "2026-08-10",
                 "memberSheets": [%s, %s]}""".formatted(Api.sheet("Nguyễn Văn An", short2),
                Api.sheet("Trần Thị Bình", short2))).get("createdId").asText();
        evaluation(product);
        String criterion = "Nguồn gốc ý tưởng sản phẩm";

        String memberSheet = pdfText("/api/evaluations/" + evaluationId + "/documents/member-sheets/2");
        assertThat(memberSheet).contains("PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP", "Trà dây Đắk Hà", "Trần Thị Bình",
                criterion, "26/2026/QĐ-TTg");
        assertThat(memberSheet.replaceAll("\\s+", " ")).contains("Phần A Phần B Phần C Tổng");
        String summary = pdfText("/api/evaluations/" + evaluationId + "/documents/summary");
        assertThat(summary).contains("BẢNG TỔNG HỢP KẾT QUẢ", "Trà dây Đắk Hà", "Nguyễn Văn An", criterion,
                "Điểm bình quân: 82", "Kết quả: 3 sao", "Tiêu chí 2.1 giữ kết quả ở 3 sao");
        assertThat(pdfText("/api/products/" + product + "/documents/self-assessment"))
                .contains("PHIẾU TỰ ĐÁNH GIÁ", "Mẫu 02", "Trà dây Đắk Hà", criterion, "Tự chấm");
        assertThat(pdfText("/api/products/" + product + "/documents/commune-report"))
                .contains("Mẫu 03", "Trà dây Đắk Hà", "Ủy ban nhân dân xã");

        var workbook = Http.download(url("/api/evaluations/" + evaluationId + "/documents/summary?format=xlsx"),
                "*/*");
        assertThat(workbook.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(workbook.body()))) {
            List<String> cells = new java.util.ArrayList<>();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
            assertThat(cells).contains("Trà dây Đắk Hà", "82.0", "2.1. " + criterion);
            var marked = new java.util.ArrayList<String>();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> {
                if (cell.getCellStyle().getFillPattern() == org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND) {
                    marked.add(cell.toString());
                }
            }));
            assertThat(marked).contains("2.1. " + criterion);
        }
        assertThat(Http.download(url("/api/evaluations/" + evaluationId + "/documents/member-sheets/3"),
                "application/pdf").statusCode()).isEqualTo(404);
    }

    private String pdfText(String path) throws Exception {
        var response = Http.download(url(path), "application/pdf");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
    }

    private JsonNode evaluation(String product) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Http.get(url("/api/evaluations?productId=" + product)).json().get("items").size() == 1);
        return Http.get(url("/api/evaluations?productId=" + product)).json().get("items").get(0);
    }
}
