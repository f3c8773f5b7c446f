package it.soglia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium, headless, in Italian like an office browser here. Screenshots go to
 * {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    public static Browser open(String baseUrl) {
        try {
            Path profile = Files.createTempDirectory("soglia-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=it-IT",
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "it-IT,it"));
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // console, for CSP violations
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
            return new Browser(new ChromeDriver(service, options), baseUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What Chromium's console said about the Content-Security-Policy since the last call: each line is a script,
     * style, image or handler the page wanted and the policy refused (the page then misses it).
     */
    public List<String> cspViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void visit(String path) {
        driver.get(baseUrl + path);
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    public void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks and waits until the browser shows a new page at {@code expectedPath} (also when it is the same path). */
    public void clickAndWaitFor(String id, String expectedPath) {
        WebElement page = driver.findElement(By.tagName("html"));
        byId(id).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(page));
        waitForPath(expectedPath);
    }

    /** True once the element left the document (chromedriver may answer "stale" or "not in the document"). */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException gone) {
            return true;
        }
    }

    public void waitForPath(String expectedPath) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(".*" + expectedPath + "([?#].*)?$"));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "complete".equals(
                driver.executeScript("return document.readyState")));
    }

    /** Waits until {@code condition} holds (PrimeFaces Ajax updates land asynchronously). */
    public void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.apply(driver));
    }

    /**
     * Puts {@code text} into a PrimeFaces table's search field and asks the table to filter once (typing fires one
     * request per key, which makes waiting for "the" answer racy).
     */
    public void search(String inputId, String widgetVar, String text) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1]; PF(arguments[2]).filter();",
                inputId, text, widgetVar);
        awaitAjaxIdle();
    }

    /**
     * Waits until no PrimeFaces Ajax request is queued or in flight, so the next step does not race an answer that
     * is still on its way (a late answer would overwrite what the next step's answer rendered).
     */
    public void awaitAjaxIdle() {
        waitUntil(d -> Boolean.TRUE.equals(d.executeScript(
                "return (!window.jQuery || jQuery.active === 0)"
                        + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /**
     * Picks {@code label} in a PrimeFaces SelectOneMenu as a person does: opens it and clicks the item, again if the
     * menu did not take it (a click while the panel is still opening can be lost), until the menu shows the
     * choice; then waits until the Ajax it fired has been answered.
     */
    public void choose(String menuId, String label) {
        waitUntil(d -> {
            if (label.equals(d.findElement(By.id(menuId + "_label")).getText())) {
                return true;
            }
            if (isVisible(menuId + "_items")) {
                d.findElement(By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']")).click();
            } else {
                byId(menuId).click();
            }
            return false;
        });
        awaitAjaxIdle();
    }

    /** Clicks the link with this text, again if an Ajax update replaced it meanwhile. */
    public void clickLink(String text) {
        waitUntil(d -> {
            d.findElement(By.linkText(text)).click();
            return true;
        });
    }

    public boolean isVisible(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    public String messages() {
        List<WebElement> found = driver.findElements(By.id("messages"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** Saves what the user sees as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
