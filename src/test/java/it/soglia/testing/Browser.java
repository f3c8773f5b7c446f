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
 * {@code target/screenshots}: each one at the window's width and again at a phone's (390 px, name ending
 * {@code -390}). Every page the test reaches (each navigation, each screenshot, at both widths) is checked with
 * axe-core, and at 390 px for horizontal overflow; a violation fails the test where it shows.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** A phone's viewport: no page may be wider than this. */
    public static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

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
        checkPageOnce();
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
        checkPageOnce();
    }

    /** axe-core on a page reached by navigation, once per document (a screenshot checks again what it shows). */
    private void checkPageOnce() {
        if (!"complete".equals(driver.executeScript("return document.readyState"))
                || Boolean.TRUE.equals(driver.executeScript("return window.__sogliaAxeChecked === true"))) {
            return;
        }
        Accessibility.assertNoViolations(driver);
        driver.executeScript("window.__sogliaAxeChecked = true");
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
     * Waits until no Ajax answer is on its way and no CSS transition runs: a button PrimeFaces disabled during the
     * request fades back in (its text measured half-way failed axe-core's contrast rule once), a dialog fades in.
     */
    private void awaitStillPage() {
        awaitAjaxIdle();
        waitUntil(d -> Boolean.TRUE.equals(d.executeScript(
                "return !document.getAnimations || document.getAnimations().length === 0;")));
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

    /**
     * Saves what the user sees as {@code target/screenshots/<name>.png}, and as a phone shows it in
     * {@code <name>-390.png}; both are checked with axe-core, and the phone's must not be wider than its screen.
     * The window gets its size back afterwards.
     */
    public Path screenshot(String name) {
        awaitStillPage();
        Path target = save(name);
        Accessibility.assertNoViolations(driver);
        if (driver.manage().window().getSize().getWidth() > PHONE_WIDTH) {
            org.openqa.selenium.Dimension size = driver.manage().window().getSize();
            try {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(PHONE_WIDTH, PHONE_HEIGHT));
                waitUntil(d -> PHONE_WIDTH >= ((Number) d.executeScript("return window.innerWidth")).intValue());
                save(name + "-" + PHONE_WIDTH);
                assertFitsTheScreen(name);
                Accessibility.assertNoViolations(driver);
            } finally {
                driver.manage().window().setSize(size);
            }
        } else {
            assertFitsTheScreen(name);
        }
        return target;
    }

    /** What axe-core finds wrong on the page as it is now (rule, impact, elements), one a line; empty if nothing. */
    public String accessibilityViolations() {
        return Accessibility.violations(driver);
    }

    /** Nothing to scroll sideways: the page is no wider than the part of the window it is drawn in. */
    public void assertFitsTheScreen(String where) {
        Number page = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        Number screen = (Number) driver.executeScript("return document.documentElement.clientWidth");
        Number window = (Number) driver.executeScript("return window.innerWidth");
        if (page.intValue() > screen.intValue()) {
            String problem = (where + " (" + path() + ") is " + page + " px wide in a window " + window
                    + " px wide (" + screen + " px without the scroll bar): it scrolls sideways. Widest elements: "
                    + driver.executeScript("var w = document.documentElement.clientWidth, out = [];"
                    + " document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                    + " if (r.right > w + 1) out.push((e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className)"
                    + " + ' ' + Math.round(r.right)); }); return out.slice(0, 8).join(', ');"));
            if (Boolean.getBoolean("soglia.it.axe.reportOnly")) {
                System.out.println("WIDTH " + problem);
                return;
            }
            throw new AssertionError(problem);
        }
    }

    /** No cell of the table hides part of its text (clipped, or cut with an ellipsis without a title to hover). */
    public void assertNoClippedCells(String tableId) {
        Object clipped = driver.executeScript("""
                var out = [];
                document.getElementById(arguments[0]).querySelectorAll('td, th').forEach(function (cell) {
                    [cell].concat(Array.from(cell.querySelectorAll('*'))).forEach(function (e) {
                        if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
                                && getComputedStyle(e).overflowX !== 'visible' && !e.title) {
                            out.push(e.tagName + ' "' + e.textContent.trim() + '" ' + e.scrollWidth + '>' + e.clientWidth);
                        }
                    });
                });
                return out.join('; ');""", tableId);
        if (!String.valueOf(clipped).isEmpty()) {
            throw new AssertionError("clipped cells in " + tableId + ": " + clipped);
        }
    }

    /** Each row of the table is at most two lines of its text high. */
    public void assertRowsAtMostTwoLinesHigh(String tableId) {
        Object tall = driver.executeScript("""
                var out = [];
                document.getElementById(arguments[0] + '_data').querySelectorAll('tr').forEach(function (row) {
                    var cell = row.querySelector('td'); if (!cell) return;
                    var line = parseFloat(getComputedStyle(cell).lineHeight) || parseFloat(getComputedStyle(cell).fontSize) * 1.5;
                    var padding = parseFloat(getComputedStyle(cell).paddingTop) + parseFloat(getComputedStyle(cell).paddingBottom);
                    if (row.getBoundingClientRect().height > 2 * line + padding + 4) out.push(row.textContent.trim().slice(0, 60)
                        + ' (' + Math.round(row.getBoundingClientRect().height) + ' px, line ' + line + ')');
                });
                return out.join('; ');""", tableId);
        if (!String.valueOf(tall).isEmpty()) {
            throw new AssertionError("rows more than two lines high in " + tableId + ": " + tall);
        }
    }

    /**
     * The open dialog, at a phone's width, lies inside the screen, and its close button on the title's first line.
     * Resizes the window to {@link #PHONE_WIDTH} and back.
     */
    public void assertDialogFitsAPhone(String dialogId) {
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(PHONE_WIDTH, PHONE_HEIGHT));
            waitUntil(d -> Boolean.TRUE.equals(d.executeScript("""
                    var box = document.getElementById(arguments[0]).getBoundingClientRect();
                    return box.left >= 0 && box.right <= document.documentElement.clientWidth;""", dialogId)));
            Object problem = driver.executeScript("""
                    var dialog = document.getElementById(arguments[0]);
                    var title = dialog.querySelector('.ui-dialog-title'), close = dialog.querySelector('.ui-dialog-titlebar-close');
                    var t = title.getBoundingClientRect(), c = close.getBoundingClientRect();
                    var line = parseFloat(getComputedStyle(title).lineHeight) || 24;
                    return c.top < t.top + line && c.bottom > t.top && c.left >= t.right - 1 ? ''
                        : 'close button at ' + JSON.stringify(c) + ', title at ' + JSON.stringify(t);""", dialogId);
            if (!String.valueOf(problem).isEmpty()) {
                throw new AssertionError(dialogId + " at " + PHONE_WIDTH + " px: " + problem);
            }
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** Only the picture, without checks: for a test that already failed. */
    public Path save(String name) {
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
