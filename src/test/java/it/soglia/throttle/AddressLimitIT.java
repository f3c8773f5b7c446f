package it.soglia.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The per-address password limit holds however many attempts arrive at once, and every password it refuses to check
 * is visible: refused attempts are audited and grow no username's counter.
 */
class AddressLimitIT extends PageTest {

    private static final String FAILED = "Nome utente o password non validi.";
    private static final int FREE_PER_ADDRESS = 20; // soglia.throttle.ip.free-attempts

    @Test
    void aBurstOfWrongPasswordsFromOneAddressGetsOnlyItsFreeAttemptsChecked() throws Exception {
        String address = freshAddress();
        int burst = 60;
        List<WebSession> sessions = new ArrayList<>();
        List<Page> logins = new ArrayList<>();
        for (int i = 0; i < burst; i++) { // each with its sign-in page ready, as a script would be
            WebSession session = steps.newSession().fromAddress(address);
            sessions.add(session);
            logins.add(session.get("/login"));
        }

        List<Page> answers = sendAtOnce(burst, n -> sessions.get(n).submit(logins.get(n), "login",
                Map.of("username", "burst" + n + ".nobody", "password", "wrong-" + n), "login:submit"));

        long checked = answers.stream().filter(p -> p.messages().equals(FAILED)).count();
        long refused = answers.stream().filter(p -> p.messages().startsWith("Troppi tentativi non riusciti.")).count();
        // the old check-then-count let every one of a burst through: here at most the free ones (and one more, should
        // the first second of waiting end while the burst still arrives)
        assertThat(checked).as("answers: %s", answers.stream().collect(java.util.stream.Collectors.groupingBy(
                p -> p.status() + " " + p.messages(), java.util.stream.Collectors.counting()))).isBetween((long) FREE_PER_ADDRESS, FREE_PER_ADDRESS + 1L);
        assertThat(checked + refused).isEqualTo(burst);
        assertThat(audited("SIGN_IN_PASSWORD_FAILED", address)).isEqualTo(checked);
        assertThat(audited("SIGN_IN_PASSWORD_REFUSED", address)).isEqualTo(refused);
    }

    @Test
    void attemptsRefusedForTheAddressDoNotCountAgainstTheUsernameAndAreAudited() {
        TestAccount victim = accounts.create("victim");
        String address = freshAddress();
        for (int i = 0; i < FREE_PER_ADDRESS; i++) {
            assertThat(steps.password(steps.newSession().fromAddress(address), "filler" + i + ".nobody", "wrong")
                    .messages()).isEqualTo(FAILED);
        }
        for (int i = 0; i < 10; i++) { // the address must wait now: the victim's password is not even checked
            assertThat(steps.password(steps.newSession().fromAddress(address), victim.username(), "guess-" + i)
                    .messages()).startsWith("Troppi tentativi non riusciti.");
        }

        // the victim, from their own desk, is not slowed down: ten refused guesses grew nothing of theirs
        Page own = steps.password(steps.newSession(), victim.username(), victim.password());
        assertThat(own.path()).isEqualTo("/soglia/enroll");
        assertThat(accounts.auditTypes(victim).stream().filter("SIGN_IN_PASSWORD_REFUSED"::equals).count())
                .isEqualTo(10);
        assertThat(server.database().column("select detail from audit_event where type = 'SIGN_IN_PASSWORD_REFUSED'"
                + " and subject = ?", victim.username())).containsOnly("must wait: client address");
    }

    @Test
    void aRightPasswordCostsTheAddressNothing() {
        String address = freshAddress();
        TestAccount colleague = accounts.create("colleague");
        for (int i = 0; i < FREE_PER_ADDRESS + 5; i++) { // an office's many sign-ins from one address
            assertThat(steps.password(steps.newSession().fromAddress(address), colleague.username(),
                    colleague.password()).path()).isEqualTo("/soglia/enroll");
        }
        for (int i = 0; i < FREE_PER_ADDRESS; i++) { // its free wrong ones are all still there
            assertThat(steps.password(steps.newSession().fromAddress(address), "typo" + i + ".nobody", "wrong")
                    .messages()).isEqualTo(FAILED);
        }
        assertThat(steps.password(steps.newSession().fromAddress(address), colleague.username(),
                colleague.password()).messages()).startsWith("Troppi tentativi non riusciti.");
    }

    private long audited(String type, String address) {
        return Long.parseLong(server.database().column("select count(*) from audit_event where type = ? and ip = ?",
                type, address).get(0));
    }

    private static String freshAddress() {
        var random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static List<Page> sendAtOnce(int count, java.util.function.IntFunction<Page> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Page>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.apply(n);
                }));
            }
            go.countDown();
            List<Page> pages = new ArrayList<>();
            for (Future<Page> future : futures) {
                pages.add(future.get(120, TimeUnit.SECONDS));
            }
            return pages;
        } finally {
            pool.shutdownNow();
        }
    }
}
