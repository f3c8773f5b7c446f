package it.soglia.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Base of the Chromium tests: the shared server, a fresh browser per test, and the sign-in steps typed as a person
 * types them.
 */
@ExtendWith(SogliaServerExtension.class)
public abstract class BrowserTest {

    protected final SogliaServer server;
    protected Browser browser;

    protected BrowserTest(SogliaServer server) {
        this.server = server;
    }

    /**
     * A failed test leaves a picture of what the browser showed when it failed, named after the test (this runs
     * before {@code @AfterEach} closes the browser).
     */
    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = (ExtensionContext context, Throwable failure) -> {
        if (browser != null) {
            browser.save("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
        throw failure;
    };

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(server.baseUrl());
    }

    /** Every browser test also checks that the pages it saw worked under their Content-Security-Policy. */
    @AfterEach
    void closeBrowser() {
        try {
            assertThat(browser.cspViolations()).as("Content-Security-Policy violations in Chromium's console").isEmpty();
        } finally {
            browser.close();
        }
    }

    /** Types username and password on {@code /login} and submits; where it leads is for the test to check. */
    protected void signInWithPassword(TestAccount account) {
        browser.visit("/login");
        browser.type("login:username", account.username());
        browser.type("login:password", account.password());
        browser.byId("login:submit").click();
    }

    /** First access: password, then the code of the key shown; ends on the profile. Returns the key. */
    protected String signInAndEnrol(TestAccount account) {
        signInWithPassword(account);
        browser.waitForPath("/enroll");
        String key = browser.byId("manual-key").getText().replace(" ", "");
        browser.type("enroll:code", Codes.code(key, server.clock().now(), 0));
        browser.clickAndWaitFor("enroll:submit", "/recovery-codes");
        browser.clickAndWaitFor("recovery-codes-ack", "/profile");
        return key;
    }
}
