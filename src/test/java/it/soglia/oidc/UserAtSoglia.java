package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestClock;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import it.soglia.totp.Totp;
import it.soglia.totp.TotpPolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * A user's browser between an application and Soglia: it follows Soglia's redirects one by one and stops where a
 * redirect leaves Soglia (the application's redirect URI, which need not exist) or at a page of Soglia's. Signs in
 * with the password and the authenticator's next unused code.
 */
public final class UserAtSoglia {

    /** Where the browser ended: the application's address it was sent to, or a page of Soglia's. */
    public record Arrival(URI application, Page page) {

        boolean atApplication() {
            return application != null;
        }

        /** The query parameters of the application address, decoded. */
        public Map<String, String> query() {
            assertThat(application).as("sent back to the application, but stayed on %s",
                    page == null ? null : page.uri()).isNotNull();
            Map<String, String> query = new LinkedHashMap<>();
            String raw = application.getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return query;
        }

        public String code() {
            String code = query().get("code");
            assertThat(code).as("a code in %s", application).isNotNull();
            return code;
        }

        Page soglia() {
            assertThat(page).as("a page of Soglia's, but sent to %s", application).isNotNull();
            return page;
        }
    }

    /** The phone's authenticator: a new code for every sign-in (Soglia accepts each time step once). */
    public static final class Authenticator {
        private final String key;
        private final TestClock clock;
        private long lastStep = -1;

        Authenticator(String key, TestClock clock) {
            this.key = key;
            this.clock = clock;
        }

        /** A code of a step not used yet: this one, the next (within the accepted drift), or after waiting one. */
        String nextCode() {
            long current = new Totp(TotpPolicy.DEFAULT, Clock.fixed(clock.now(), ZoneOffset.UTC)).currentStep();
            if (lastStep > current) {
                clock.advance(Duration.ofSeconds(30)); // what a user waits for the phone's next code
                current++;
            }
            int ahead = lastStep == current ? 1 : 0;
            lastStep = current + ahead;
            return Codes.code(key, clock.now(), ahead);
        }

        /** The enrolment used the code of the step it happened in. */
        void usedStepOf(java.time.Instant at) {
            lastStep = new Totp(TotpPolicy.DEFAULT, Clock.fixed(at, ZoneOffset.UTC)).currentStep();
        }
    }

    private final String baseUrl;
    private final WebSession session;
    private final TestAccount account;
    private final Authenticator authenticator;

    UserAtSoglia(String baseUrl, WebSession session, TestAccount account, Authenticator authenticator) {
        this.baseUrl = baseUrl;
        this.session = session;
        this.account = account;
        this.authenticator = authenticator;
    }

    /** An enrolled user with a fresh browser (the enrolment's session is left behind). */
    public static UserAtSoglia enrolled(String baseUrl, SignInSteps steps, TestClock clock, TestAccount account) {
        String key = steps.enrol(steps.newSession(), account);
        Authenticator authenticator = new Authenticator(key, clock);
        authenticator.usedStepOf(clock.now()); // the enrolment's code was of this step or the one before
        return new UserAtSoglia(baseUrl, new WebSession(baseUrl), account, authenticator);
    }

    /** The same user and phone in another browser. */
    UserAtSoglia inNewBrowser() {
        return new UserAtSoglia(baseUrl, new WebSession(baseUrl), account, authenticator);
    }

    WebSession session() {
        return session;
    }

    TestAccount account() {
        return account;
    }

    /** Opens {@code path} of Soglia (an application's link) and follows the redirects. */
    Arrival open(String path) {
        return follow(session.raw(path));
    }

    /** From the sign-in page an application's request led to: password, then the code; on to where it leads. */
    Arrival signIn(Page login) {
        assertThat(login.path()).as("the sign-in page").isEqualTo("/soglia/login");
        Page codePage = session.submit(login, "login",
                Map.of("username", account.username(), "password", account.password()), "login:submit");
        assertThat(codePage.path()).as("the code prompt after the password: %s", codePage.messages())
                .isEqualTo("/soglia/code");
        return follow(session.submitRaw(codePage, "code", Map.of("code", authenticator.nextCode()), "code:submit"));
    }

    /** The whole way: the application's request, the sign-in, back at the application. */
    public Arrival signInThrough(String authorizePath) {
        Arrival arrival = open(authorizePath);
        return arrival.atApplication() ? arrival : signIn(arrival.soglia());
    }

    /** Follows redirects while they stay within Soglia. */
    Arrival follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 10; hops++) {
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return new Arrival(null, new Page(response.uri(), response.statusCode(), response.headers(),
                        Jsoup.parse(response.body(), response.uri().toString()), response.body()));
            }
            URI next = response.uri().resolve(location.get());
            if (!next.toString().startsWith(baseUrl + "/")) {
                return new Arrival(next, null);
            }
            response = session.raw(next.toString().substring(baseUrl.length()));
        }
        throw new AssertionError("too many redirects");
    }
}
