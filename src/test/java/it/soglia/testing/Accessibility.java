package it.soglia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (Deque's accessibility checker, from npm: the build installs it into {@code target/axe}, see pom.xml) run
 * on the page Chromium shows. Injected through WebDriver, which the page's Content-Security-Policy does not govern;
 * axe itself needs no inline script. Any violation fails, with its rule, impact and the elements it found.
 */
final class Accessibility {

    private static final Path AXE = Path.of(System.getProperty("soglia.it.axe",
            "target/axe/node_modules/axe-core/axe.min.js"));
    private static String script;

    private Accessibility() {
    }

    static void assertNoViolations(ChromeDriver driver) {
        String violations = violations(driver);
        if (!violations.isEmpty()) {
            String report = "axe-core on " + driver.getCurrentUrl() + " at "
                    + driver.executeScript("return window.innerWidth") + " px:\n" + violations;
            if (Boolean.getBoolean("soglia.it.axe.reportOnly")) { // while fixing many at once: all of them, in the log
                System.out.println("AXE " + report);
                return;
            }
            throw new AssertionError(report);
        }
    }

    /** The violations on the page as it is now, one a line; empty when there is none. */
    static String violations(ChromeDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(axeSource());
        }
        Object report = driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(function (result) {
                    done(result.violations.map(function (v) {
                        return v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map(function (n) {
                            return n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']' : '');
                        }).join('; ');
                    }).join('\\n'));
                }, function (error) { done('axe-core did not run: ' + error); });
                """);
        return String.valueOf(report);
    }

    private static synchronized String axeSource() {
        if (script == null) {
            try {
                script = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is missing at " + AXE.toAbsolutePath()
                        + ": the build installs it with npm in pre-integration-test (mvn verify)", e);
            }
        }
        return script;
    }
}
