package it.soglia.reset;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 2: the per-address limits of the lost-code form and of the reset links hold when the requests
 * arrive all at once (a check before and a count after let a whole burst through): of 30 sent together from one
 * address, at most the 10 free ones are answered, the others get the limit's message.
 */
class ResetLimitsUnderBurstIT extends PageTest {

    private static final int BURST = 30;
    private static final int FREE = 10;
    private static final String LOST_LIMIT = "Troppe richieste da questo indirizzo. Riprova più tardi.";
    private static final String LINK_LIMIT = "Troppi link non validi aperti da questo indirizzo. Riprova più tardi.";

    @Test
    void lostCodeRequestsSentAllAtOnceFromOneAddressGetAtMostTheFreeAnswers() throws Exception {
        TestAccount account = accounts.create("lostburst");
        steps.enrol(steps.newSession(), account);
        String address = "10.12.0." + (1 + new java.util.Random().nextInt(250));
        List<Callable<Page>> requests = new ArrayList<>();
        for (int i = 0; i < BURST; i++) { // each a sign-in half done, its lost-code form ready, as a script's would be
            WebSession session = steps.newSession().fromAddress(address);
            Page codePage = steps.password(session, account.username(), account.password());
            Page lost = session.get(codePage.byId("lost-code-link").orElseThrow().attr("href")
                    .replaceFirst("^/soglia", ""));
            String typed = "nobody" + i + "@example.test";
            requests.add(() -> session.submit(lost, "lost", Map.of("email", typed), "lost:submit"));
        }

        List<Page> answers = allAtOnce(requests);

        long answered = answers.stream().filter(page -> page.has("lost-result")).count();
        long limited = answers.stream().filter(page -> page.messages().equals(LOST_LIMIT) && !page.has("lost-result"))
                .count();
        assertThat(answered).isBetween(1L, (long) FREE);
        assertThat(answered + limited).isEqualTo(BURST); // nothing else: no error page, no other message
        // each request let through is handled, and audited, once; the limited ones reach nothing
        assertThat(accounts.auditTypes(account).stream().filter("RESET_REQUESTED"::equals).count())
                .isEqualTo(answered);
    }

    @Test
    void unusableLinksOpenedAllAtOnceFromOneAddressGetAtMostTheFreeAnswers() throws Exception {
        String address = "10.13.0." + (1 + new java.util.Random().nextInt(250));
        List<Callable<Page>> requests = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            WebSession guesser = steps.newSession().fromAddress(address);
            String guess = "/reset?token=" + "B".repeat(41) + String.format("%02d", i);
            requests.add(() -> guesser.get(guess));
        }

        List<Page> answers = allAtOnce(requests);

        long invalid = answers.stream().filter(page -> page.has("reset-invalid") && page.messages().isEmpty()).count();
        long limited = answers.stream().filter(page -> page.messages().equals(LINK_LIMIT) && !page.has("reset:confirm"))
                .count();
        assertThat(invalid).isBetween(1L, (long) FREE);
        assertThat(invalid + limited).isEqualTo(BURST);
    }

    /** Sends all requests at the same moment, from as many threads. */
    private static List<Page> allAtOnce(List<Callable<Page>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Page>> futures = new ArrayList<>();
            for (Callable<Page> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Page> pages = new ArrayList<>();
            for (Future<Page> future : futures) {
                pages.add(future.get());
            }
            return pages;
        } finally {
            pool.shutdownNow();
        }
    }
}
