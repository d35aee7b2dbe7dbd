package vn.ocop.infra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.infra.Api.evaluation;
import static vn.ocop.infra.Api.recognition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.TestAccounts;
import vn.ocop.infra.security.Role;
import vn.ocop.reference.SampleAnswers;

/**
 * The dashboard in a real headless Chromium, as a provincial officer uses it: sign in, the overview's charts, a
 * search typed without diacritics, a product's page and timeline, the "as of" date, the reports' downloads, the
 * language switch — and, over all of it, that the pages asked nothing of any host but the service. Screenshots of
 * each step go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest extends ServiceTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final String suffix = Long.toString(System.nanoTime() % 100_000);
    private final String productName = "Mật ong rừng Đắk Tô " + suffix;
    private final TestAccounts.Credentials officer = TestAccounts.of(Role.PROVINCE_OFFICER);
    private Browser browser;
    private String productId;
    private String sheetedProductId;

    @BeforeAll
    void startBrowserAndRecordAProduct() {
        browser = Browser.start();
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        productId = api.approvedProduct(subject, "2024-01-10", productName);
        String evaluationId = api.firstProvincialEvaluation(productId, "2024-05-01", "30/20/25", "28/20/27");
        api.accepted("/api/products/" + productId + "/recognition", recognition(evaluationId, 4, "PROVINCE", "2024-06-01"));
        String line = api.accepted("/api/budgets", """
                {"provinceCode": "62", "source": "COMMUNE_BUDGET", "fiscalYear": 2026, "amount": 250000000,
                 "decision": %s}""".formatted(Api.decision("PROVINCE", "2026-01-15"))).get("id").asText();
        String grant = api.accepted("/api/support-grants", """
                {"budgetLineId": "%s", "subjectId": "%s", "productId": "%s", "kind": "PACKAGING_LABEL_STORY",
                 "amount": 25000000, "costSharePercent": 70, "fiscalYear": 2026, "decision": %s}"""
                .formatted(line, subject, productId, Api.decision("PROVINCE", "2026-04-01"))).get("id").asText();
        api.accepted("/api/support-grants/" + grant + "/disbursements", """
                {"amount": 15000000, "paidOn": "2026-06-01", "voucherReference": "PC-0107",
                 "acceptanceMinutesReference": "BB-0107"}""");
        assertThat(Http.get(url("/api/products/" + productId + "?minVersion=5")).status()).isEqualTo(200);
        // a product of the former Quảng Ngãi, in 21010 Phường Lê Hồng Phong, since 2025-07-01 in Phường Nghĩa Lộ
        api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Tỏi Lý Sơn %s", "groupCode": "I", "criteriaSetCode": "3",
                 "communeCode": "21010", "registeredOn": "2024-02-01"}""".formatted(subject, suffix));
        sheetedProductId = api.approvedProduct(subject, "2025-03-01", "Sâm dây Ngọc Linh " + suffix);
        Map<String, Integer> short2 = SampleAnswers.of("18").with("2.1", 2).totalling(82, 5);
        Map<String, Integer> met = new java.util.HashMap<>(short2);
        met.put("2.1", 3);
        api.accepted("/api/products/" + sheetedProductId + "/evaluations", """
                {"kind": "FIRST", "level": "PROVINCE", "round": "2026-1", "evaluatedOn": "2026-08-10",
                 "memberSheets": [%s, %s, %s]}""".formatted(Api.sheet("Nguyễn Văn An", short2),
                Api.sheet("Trần Thị Bình", short2), Api.sheet("Lê Văn Cường", met)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> Http.get(
                url("/api/evaluations?productId=" + sheetedProductId)).json().get("items").size() == 1);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theDashboardAsksToSignInAndRefusesAWrongPassword() {
        browser.open(url("/"));
        browser.find("#sign-in-form");
        assertThat(browser.currentUrl()).endsWith("/ui/login.html");
        assertThat(browser.text("h1")).isEqualTo("Đăng nhập");

        browser.until(driver -> browser.text("p[data-i18n='signIn.lead']").endsWith("Quảng Ngãi") ? true : null);
        assertThat(browser.text("p[data-i18n='signIn.lead']")).isEqualTo("Bảng điều hành chương trình OCOP Quảng Ngãi");
        signIn(officer.username(), "not the password");
        assertThat(browser.text("#message")).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        browser.screenshot("01-sign-in-refused");
    }

    @Test
    @Order(2)
    void afterSigningInTheOverviewDrawsItsCharts() {
        signIn(officer.username(), officer.password());
        browser.pageReady("overview");
        for (String chart : List.of("chart-stars", "chart-groups", "chart-legal-forms", "chart-support")) {
            browser.find("#" + chart + "[data-rendered='true'] canvas");
        }
        assertThat(browser.text("#h-overview-plan")).isEqualTo("Tiến độ kế hoạch");
        assertThat(registered()).isPositive();
        assertThat(browser.text("#account")).isEqualTo(officer.username());
        // titled after the province served, with a switch to the deployment's other province
        assertThat(browser.text(".brand span")).isEqualTo("OCOP Quảng Ngãi");
        assertThat(browser.script("return document.title")).asString().endsWith("— OCOP Quảng Ngãi");
        assertThat(browser.all("#province option")).extracting(WebElement::getText)
                .containsExactly("Quảng Ngãi", "Đà Nẵng");
        browser.screenshot("02-overview");
    }

    @Test
    @Order(3)
    void aSearchTypedWithoutDiacriticsFindsTheProduct() {
        browser.open(url("/#/register"));
        browser.pageReady("register");
        WebElement search = browser.find("#filter-q");
        search.sendKeys("mat ong rung dak to " + suffix);
        browser.find("#register-filters button[type='submit']").click();
        browser.until(driver -> browser.currentUrl().contains("q=") ? Boolean.TRUE : null);
        browser.pageReady("register");
        List<WebElement> found = browser.all("a.product-link");
        assertThat(found).extracting(WebElement::getText).containsExactly(productName);
        browser.screenshot("03-register-search");
    }

    @Test
    @Order(4)
    void theProductPageShowsItsCertificateAndTimeline() {
        browser.find("a.product-link").click();
        browser.pageReady("register");
        assertThat(browser.text("#product-name")).isEqualTo(productName);
        assertThat(browser.text("#certificate .stars")).isEqualTo("★★★★");
        List<String> timeline = browser.all("#timeline li").stream().map(WebElement::getText).toList();
        assertThat(timeline).as("with the district evaluation and its forwarding").hasSize(8);
        assertThat(timeline.get(0)).startsWith("10/01/2024");
        assertThat(String.join("\n", timeline)).contains(productName);
        assertThat(browser.find("#h-product-support").findElement(org.openqa.selenium.By.xpath(".."))
                .getText()).contains("25.000.000 đ").contains("15.000.000 đ");
        browser.screenshot("04-product");
    }

    @Test
    @Order(5)
    void theAsOfDateShowsTheFiguresAsTheyStoodThen() {
        browser.open(url("/#/overview"));
        browser.pageReady("overview");
        long today = registered();
        String yesterday = LocalDate.now(VIETNAM).minusDays(1).toString();

        WebElement asOf = browser.find("#as-of");
        asOf.clear();
        asOf.sendKeys(LocalDate.parse(yesterday).format(DAY_MONTH_YEAR));
        browser.find("#as-of-show").click();
        browser.until(driver -> yesterday.equals(browser.find("#page").getAttribute("data-as-of")) ? true : null);
        browser.pageReady("overview");
        browser.find("#chart-stars[data-rendered='true'] canvas");
        assertThat(browser.text("#as-of-banner"))
                .contains(LocalDate.parse(yesterday).format(DAY_MONTH_YEAR));
        assertThat(registered()).as("products registered as of yesterday: none of today's").isLessThan(today);
        browser.screenshot("05-overview-as-of-yesterday");

        browser.find("#as-of-today").click();
        browser.until(driver -> "".equals(browser.find("#page").getAttribute("data-as-of")) ? true : null);
        browser.pageReady("overview");
        assertThat(registered()).isEqualTo(today);
    }

    @Test
    @Order(6)
    void theReportsDownloadAsCsvAndXlsx() throws IOException {
        clear(Browser.DOWNLOADS);
        browser.open(url("/#/reports?year=2024"));
        browser.pageReady("reports");
        assertThat(browser.text("#annual-review")).contains("Công nhận mới").contains("4 sao");
        browser.screenshot("06-reports");
        browser.find("#annual-csv").click();
        Path csv = downloaded(".csv");
        // the review of the province chosen in the switch, the new Quảng Ngãi
        assertThat(csv.getFileName().toString()).isEqualTo("tong-ket-ocop-51-2024.csv");
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFMục,Chỉ tiêu,Giá trị")
                .isEqualTo(Http.get(url("/api/reports/annual-review?year=2024&province=51&format=csv")).body())
                .contains("Công nhận mới,4 sao,");
        browser.find("#annual-xlsx").click();
        Path xlsx = downloaded(".xlsx");
        byte[] bytes = Files.readAllBytes(xlsx);
        assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).as("an XLSX is a zip").isEqualTo("PK");
    }

    @Test
    @Order(7)
    void theLanguageSwitchesToEnglishAndBack() {
        browser.open(url("/#/overview"));
        browser.pageReady("overview");
        browser.find("#language").click();
        browser.until(driver -> "en".equals(browser.find("#page").getAttribute("data-language")) ? true : null);
        assertThat(browser.text("h1")).isEqualTo("Programme overview");
        assertThat(browser.text("#nav a[data-page='register']")).isEqualTo("Register");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
        browser.find("#chart-stars[data-rendered='true'] canvas");
        browser.screenshot("07-overview-english");

        browser.find("#language").click();
        browser.until(driver -> "vi".equals(browser.find("#page").getAttribute("data-language")) ? true : null);
        assertThat(browser.text("h1")).isEqualTo("Tổng quan chương trình");
    }

    @Test
    @Order(8)
    void theDistrictsPageAlsoGroupsByTheUnitsInForceSince2025() {
        browser.open(url("/#/districts"));
        browser.pageReady("districts");
        // the former Kon Tum's ten district-level units and the former Quảng Ngãi's thirteen
        assertThat(browser.all(".tiles .tile")).hasSize(23);
        assertThat(browser.text(".muted")).contains("Tỉnh Quảng Ngãi", "Tỉnh Kon Tum");
        browser.find("#grouping").click();
        browser.until(driver -> browser.currentUrl().endsWith("by=units") ? true : null);
        browser.pageReady("districts");
        assertThat(browser.all(".tiles .tile")).hasSize(96);
        assertThat(browser.text("h1")).isEqualTo("Theo đơn vị hành chính hiện nay");
        assertThat(browser.all(".tiles .tile-name")).extracting(WebElement::getText)
                .contains("Phường Kon Tum", "Phường Nghĩa Lộ", "Đặc khu Lý Sơn");
        // the units that took over the officer's commune of Kon Tum and the commune of the former Quảng Ngãi
        for (String unit : List.of("Xã Đăk Môn", "Phường Nghĩa Lộ")) {
            WebElement row = browser.all("table tbody tr").stream()
                    .filter(candidate -> candidate.findElement(org.openqa.selenium.By.cssSelector("td, th"))
                            .getText().equals(unit))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + unit));
            assertThat(Long.parseLong(row.findElements(org.openqa.selenium.By.cssSelector("td")).get(1).getText()
                    .replaceAll("\\D", ""))).as(unit + " registered").isPositive();
        }
        assertThat(browser.text("#split-note")).contains("chia cho nhiều đơn vị");
        browser.screenshot("08-current-units");
    }

    @Test
    @Order(9)
    void everyPageLoadsEverythingFromTheServiceAlone() {
        for (String page : List.of("overview", "districts", "expiry", "support", "register")) {
            browser.open(url("/#/" + page));
            browser.pageReady(page);
            browser.screenshot("09-" + page);
        }
        // chrome:// and chrome-untrusted:// are the browser's own pages (new tab, download bubble), not the service's
        List<URI> requests = browser.requests().stream().filter(request -> !request.getScheme().startsWith("chrome"))
                .toList();
        assertThat(requests).extracting(URI::getPath).contains("/ui/login.html", "/ui/dashboard.js",
                "/webjars/echarts/5.3.1/dist/echarts.min.js", "/api/dashboard/overview");
        assertThat(requests).extracting(request -> request.getScheme().equals("data") ? "data:"
                        : request.getScheme() + "://" + request.getAuthority())
                .allSatisfy(origin -> assertThat(origin).isIn("http://localhost:" + port, "data:"));
        assertThat(browser.console()).as("no script error, no blocked load").noneMatch(line -> line.startsWith("SEVERE"));
    }

    @Test
    @Order(10)
    void aProductsEvaluationShowsItsScoringSheetWithTheCappingCriterionMarked() {
        browser.open(url("/#/products/" + sheetedProductId));
        browser.pageReady("register");
        browser.find(".scoring-sheet");
        List<WebElement> rows = browser.all(".scoring-sheet tbody tr");
        assertThat(rows).hasSize(31);
        List<WebElement> capping = browser.all(".scoring-sheet tr.capping");
        assertThat(capping).extracting(row -> row.getAttribute("data-criterion")).containsExactly("2.1");
        assertThat(capping.get(0).getText()).contains("Nguồn gốc ý tưởng sản phẩm").contains("4 sao (cần 3 điểm)");
        assertThat(capping.get(0).getCssValue("background-color")).isNotIn("rgba(0, 0, 0, 0)", "transparent");
        assertThat(browser.text(".cap-note")).contains("giữ ở 3 sao").contains("4 sao");
        assertThat(browser.all(".scoring-sheet a")).extracting(link -> link.getAttribute("href"))
                .anyMatch(href -> href.endsWith("/documents/summary"));
        browser.screenshot("10-scoring-sheet");
        assertThat(browser.console()).noneMatch(line -> line.startsWith("SEVERE"));
    }

    private void signIn(String username, String password) {
        if (!browser.currentUrl().contains("/ui/login.html")) {
            browser.open(url("/ui/login.html"));
        }
        browser.find("#username").clear();
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.find("#sign-in").click();
    }

    private long registered() {
        browser.pageReady("overview");
        return Long.parseLong(browser.text("#figure-registered .figure-value").replaceAll("\\D", ""));
    }

    private static Path downloaded(String extension) {
        return new org.openqa.selenium.support.ui.FluentWait<>(Browser.DOWNLOADS)
                .withTimeout(java.time.Duration.ofSeconds(20)).pollingEvery(java.time.Duration.ofMillis(200))
                .until(folder -> {
                    try (Stream<Path> files = Files.list(folder)) {
                        return files.filter(file -> file.toString().endsWith(extension)).findFirst().orElse(null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static void clear(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}
