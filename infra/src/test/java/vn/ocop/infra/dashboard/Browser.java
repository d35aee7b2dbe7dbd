package vn.ocop.infra.dashboard;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Chromium, headless, driven through its own ChromeDriver (Debian's {@code chromium} and
 * {@code chromium-driver}; other paths by {@code -Docop.browser.chromium} and {@code -Docop.browser.driver}).
 * Where neither is installed the browser tests are skipped, unless {@code OCOP_BROWSER_TESTS=required} (as CI
 * sets it), when their absence fails the build. Every request the browser makes is recorded, so that a test can
 * check where the pages load from.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        // A page that navigates (a form posted, a hash route redrawn) leaves stale elements behind: look again.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    static Browser start() {
        Path chromium = Path.of(System.getProperty("ocop.browser.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("ocop.browser.driver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String missing = "no Chromium at " + chromium + " with its driver at " + chromedriver
                    + " (Debian: apt-get install chromium chromium-driver)";
            if ("required".equals(System.getenv("OCOP_BROWSER_TESTS"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.createDirectories(DOWNLOADS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // As root in a container, without a network beyond this machine: no sandbox, no background traffic.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1366,1024", "--lang=vi-VN",
                "--user-data-dir=" + tempDirectory());
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "vi-VN,vi"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    private static String tempDirectory() {
        try {
            return Files.createTempDirectory("ocop-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** The text of the first displayed element matching {@code css}, read in the same look that found it. */
    String text(String css) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0).getText();
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T until(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /** Waits until the page shown is {@code name} and drawn (not waiting for data). */
    void pageReady(String name) {
        wait.until(d -> {
            WebElement main = d.findElement(By.id("page"));
            return name.equals(main.getAttribute("data-page")) && "false".equals(main.getAttribute("aria-busy"));
        });
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every URL the browser requested since the last call, from Chromium's network log. */
    List<URI> requests() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("\"Network.requestWillBeSent\""))
                .map(Browser::requestUrl).map(URI::create).toList();
    }

    /** The browser console's messages since the last call (errors of the page's scripts among them). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    private static String requestUrl(String message) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(message).path("message")
                    .path("params").path("request").path("url").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
