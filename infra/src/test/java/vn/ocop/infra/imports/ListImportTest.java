package vn.ocop.infra.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.TestAccounts;

/**
 * The sample lists in docs/imports through {@code POST /api/imports}: the valid one checks clean, imports fully
 * (as CSV or as XLSX) with its own dates and marked as imported, and importing it again adds nothing; the
 * invalid one yields every planted problem, by row and column, and writes nothing.
 */
class ListImportTest extends ServiceTest {

    private static final Path SAMPLES = Path.of("..", "docs", "imports");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theValidSampleImportsFullyWithItsDatesAndImportingItAgainAddsNothing() throws Exception {
        byte[] csv = Files.readAllBytes(SAMPLES.resolve("danh-sach-ocop-mau.csv"));
        long before = events();

        JsonNode checked = post("/api/imports", csv, "text/csv", Map.of());
        assertThat(checked.get("status").asText()).as(checked.toString()).isEqualTo("CHECKED");
        assertThat(checked.get("rows").asInt()).isEqualTo(8);
        assertThat(checked.get("validRows").asInt()).isEqualTo(8);
        assertThat(events()).as("a dry run writes nothing").isEqualTo(before);

        JsonNode applied = post("/api/imports?dryRun=false", csv, "text/csv", Map.of());
        assertThat(applied.get("status").asText()).as(applied.toString()).isEqualTo("APPLIED");
        assertThat(applied.at("/applied/rowsRecorded").asInt()).isEqualTo(8);
        String importId = applied.get("importId").asText();
        // 4 subjects; 6 ideas; 5 evaluated products with 3 implied steps each and an evaluation; 4 recognitions;
        // 4 province evaluations under 1048 or 148, each on a district evaluation forwarded to the province; then a
        // re-evaluation with its re-recognition and a revocation, two later steps of the first subject's products
        long recorded = 4 + 6 + 5 * 4 + 4 + 4 * 2 + 2 + 1;
        assertThat(events() - before).isEqualTo(recorded);
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where convert_from(meta_data, 'UTF8')::jsonb ->> 'import' = ?""", Long.class, importId))
                .as("every command of the import is marked with it").isEqualTo(recorded);

        JsonNode ginseng = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> Http.get(url("/api/products?q=sam+day+quang+trung")).json().at("/items/0"),
                found -> found.has("productId"));
        String product = ginseng.get("productId").asText();
        JsonNode entry = Http.get(url("/api/products/" + product + "?minVersion=9")).json();
        assertThat(entry.get("registeredOn").asText()).isEqualTo("2021-03-15");
        assertThat(entry.get("communeCode").asText()).as("the product keeps the commune of its day").isEqualTo("23281");
        assertThat(entry.get("stars").asInt()).isEqualTo(4);
        assertThat(entry.get("certificateDecisionNumber").asText()).as("renewed by the list's later step")
                .isEqualTo("905/QĐ-UBND");
        assertThat(entry.get("certificateDecidedOn").asText()).isEqualTo("2024-07-25");
        JsonNode tea = Http.get(url("/api/products?q=tra+sam+day")).json().at("/items/0");
        JsonNode revoked = Http.get(url("/api/products/" + tea.get("productId").asText() + "?minVersion=8")).json();
        assertThat(revoked.get("certificateStatus").asText()).as(revoked.toString()).isEqualTo("REVOKED");
        JsonNode subject = Http.get(url("/api/subjects/" + entry.get("subjectId").asText())).json();
        assertThat(subject.get("communeCode").asText()).as("the subject registered today in the unit that took "
                + "23281 over").isEqualTo("23293");

        long afterFirst = events();
        JsonNode again = post("/api/imports?dryRun=false", csv, "text/csv", Map.of());
        assertThat(again.get("status").asText()).isEqualTo("APPLIED");
        assertThat(events()).as("importing the same list again adds nothing").isEqualTo(afterFirst);

        JsonNode asWorkbook = post("/api/imports?dryRun=false", xlsx(csv), XLSX, Map.of());
        assertThat(asWorkbook.get("status").asText()).as(asWorkbook.toString()).isEqualTo("APPLIED");
        assertThat(events()).as("the same list as a workbook is the same list").isEqualTo(afterFirst);
    }

    /**
     * A register of the former Quảng Ngãi, in the new province's deployment: communes of that province before the
     * merger (21118 Xã Trà Giang of Trà Bồng, 21010 Phường Lê Hồng Phong of the city) and a product of 2026 in the
     * special zone of Lý Sơn (21548), a unit only from 2025-07-01.
     */
    @Test
    void aRegisterOfTheFormerQuangNgaiImportsWithItsOwnUnits() throws Exception {
        byte[] csv = Files.readAllBytes(SAMPLES.resolve("danh-sach-ocop-quang-ngai-mau.csv"));
        JsonNode checked = post("/api/imports", csv, "text/csv", Map.of());
        assertThat(checked.get("validRows").asInt()).as(checked.toString()).isEqualTo(3);
        JsonNode applied = post("/api/imports?dryRun=false", csv, "text/csv", Map.of());
        assertThat(applied.get("status").asText()).as(applied.toString()).isEqualTo("APPLIED");

        JsonNode cinnamon = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> Http.get(url("/api/products?q=que+tra+bong+tra+giang")).json().at("/items/0"),
                found -> found.has("productId"));
        JsonNode entry = Http.get(url("/api/products/" + cinnamon.get("productId").asText() + "?minVersion=7")).json();
        assertThat(entry.get("communeCode").asText()).isEqualTo("21118");
        assertThat(entry.get("registeredOn").asText()).isEqualTo("2021-03-12");
        assertThat(entry.get("stars").asInt()).isEqualTo(4);
        JsonNode subject = Http.get(url("/api/subjects/" + entry.get("subjectId").asText())).json();
        assertThat(subject.get("communeCode").asText()).as("registered today in the unit that took 21118 over")
                .isEqualTo("21127");
        JsonNode onion = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> Http.get(url("/api/products?q=hanh+tim+ly+son")).json().at("/items/0"),
                found -> found.has("productId"));
        assertThat(onion.get("communeCode").asText()).isEqualTo("21548");
        JsonNode inProvince = Http.get(url("/api/products?provinceCode=51&q=mau&size=200")).json();
        assertThat(inProvince.get("items")).extracting(item -> item.get("communeCode").asText())
                .contains("21118", "21010", "21548");
    }

    @Test
    void theInvalidSampleYieldsEveryPlantedProblemAndWritesNothing() throws Exception {
        byte[] csv = Files.readAllBytes(SAMPLES.resolve("danh-sach-ocop-loi.csv"));
        long before = events();
        for (String mode : List.of("", "?dryRun=false")) {
            HttpResponse<String> answer = send("/api/imports" + mode, csv, "text/csv", Map.of());
            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode refusal = JSON.readTree(answer.body());
            assertThat(refusal.get("type").asText()).isEqualTo("urn:ocop:problem:invalid-list");
            assertThat(refusal.get("errors")).hasSize(refusal.at("/report/problems").size());
            JsonNode report = refusal.get("report");
            assertThat(report.get("status").asText()).isEqualTo("INVALID");
            List<String> found = new ArrayList<>();
            report.get("problems").forEach(problem -> found.add(problem.get("row").asInt() + " "
                    + problem.get("column").asText().replaceAll(".*\\((.*)\\)", "$1") + " " + problem.get("code").asText()));
            assertThat(found).contains(
                    "3 loai_hinh unknown-legal-form",
                    "4 ma_xa commune-not-in-force",
                    "5 ngay_dang_ky invalid-date",
                    "6 nhom unknown-product-group",
                    "7 diem_a part-score-above-maximum",
                    "8 hang_sao stars-differ-from-evaluation",
                    "9 cap_cong_nhan recognition-authority-mismatch",
                    "10 san_pham duplicate-row",
                    "11 nguoi_dai_dien required",
                    "12 ngay_het_han expiry-mismatch",
                    "13 diem score-mismatch",
                    "14 ngay_dang_ky date-in-future",
                    "15 cap_danh_gia authority-level-abolished",
                    "16 so_quyet_dinh required",
                    "17 ngay_danh_gia_cap_huyen district-evaluation-required",
                    "18 buoc unknown-step",
                    "19 ngay_danh_gia no-certificate-in-force",
                    "20 ly_do_thu_hoi unknown-revocation-reason",
                    "21 buoc step-before-product");
            assertThat(found).as("the good rows have no problem").noneMatch(problem -> problem.startsWith("2 ")
                    || problem.startsWith("22 "));
            assertThat(report.get("problems").get(0).get("messageVi").asText()).isNotBlank();
        }
        assertThat(events()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aLargeListIsFollowedByItsProgressAndOnlyItsOwnerSeesIt() throws Exception {
        // the sample under other numbers and names, so that it is new to the register whatever ran before
        byte[] csv = Files.readString(SAMPLES.resolve("danh-sach-ocop-mau.csv"), StandardCharsets.UTF_8)
                .replace("(mẫu)", "(mẫu tiến độ)").replace("6100900", "6100950").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> accepted = send("/api/imports?dryRun=false", csv, "text/csv",
                Map.of("Prefer", "respond-async"));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode report = JSON.readTree(accepted.body());
        assertThat(report.at("/progress/total").asInt()).isEqualTo(8);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!report.get("status").asText().equals("APPLIED") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            report = Http.get(url(location)).json();
        }
        assertThat(report.get("status").asText()).isEqualTo("APPLIED");
        assertThat(report.at("/progress/done").asInt()).isEqualTo(8);
        assertThat(Http.get(url(location), Map.of("Authorization",
                TestAccounts.of(vn.ocop.infra.security.Role.PROVINCE_OFFICER).basic())).status()).isEqualTo(404);
    }

    @Test
    void theCommandLineChecksAListAgainstARunningService() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int status = vn.ocop.infra.cli.ImportCommand.run(new String[] {"import",
                SAMPLES.resolve("danh-sach-ocop-loi.csv").toString(), "--url=" + url(""),
                "--user=" + TestAccounts.administrator().username(),
                "--password=" + TestAccounts.administrator().password()},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isEqualTo(vn.ocop.infra.cli.ImportCommand.REFUSED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("INVALID — 21 rows, 0 valid")
                .contains("row 4, Mã xã (ma_xa): commune-not-in-force — Không có đơn vị hành chính cấp xã mã 23281");
    }

    @Test
    void somethingThatIsNoListIsRefusedClearly() throws Exception {
        HttpResponse<String> answer = send("/api/imports", new byte[] {'P', 'K', 3, 4, 0, 0}, XLSX, Map.of());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("unreadable-body");
        HttpResponse<String> json = send("/api/imports", "{\"rows\": []}".getBytes(StandardCharsets.UTF_8),
                "application/json", Map.of());
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private JsonNode post(String path, byte[] body, String type, Map<String, String> headers) throws Exception {
        HttpResponse<String> answer = send(path, body, type, headers);
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(String path, byte[] body, String type, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", TestAccounts.administrator().basic())
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSV's rows as the first sheet of a workbook. */
    private static byte[] xlsx(byte[] csv) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách OCOP");
            String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
            for (int index = 0; index < lines.length; index++) {
                Row row = sheet.createRow(index);
                String[] cells = lines[index].split(",", -1);
                for (int column = 0; column < cells.length; column++) {
                    row.createCell(column).setCellValue(cells[column]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
