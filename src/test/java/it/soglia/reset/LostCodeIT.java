package it.soglia.reset;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestMail;
import it.soglia.testing.TestMail.ReceivedMail;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Non sei più in possesso del codice?": the mailed reset link, through the real pages and a real SMTP server. */
class LostCodeIT extends PageTest {

    private static final String SAME_ANSWER = "Se l’indirizzo inserito è quello associato al tuo account";

    private static TestMail mail;

    @BeforeAll
    static void useMail() {
        mail = server.mail();
    }

    @Test
    void theRightEmailGetsAMultipartMailWithALinkToTheConfiguredAddress() {
        TestAccount account = accounts.create("rightmail");
        steps.enrol(steps.newSession(), account);

        Page result = steps.askResetLink(steps.newSession(), account, "  " + account.email().toUpperCase() + " ");

        assertThat(result.text("lost-result")).contains(SAME_ANSWER).contains("rivolgiti all’amministratore");
        ReceivedMail received = mail.awaitResetLink(account.email());
        assertThat(received.contentType()).startsWith("multipart/alternative");
        assertThat(received.subject()).contains("Soglia").contains("reimpostare");
        assertThat(received.text()).contains(account.username()).contains("entro il ").contains("30 minuti");
        assertThat(received.resetLink()).startsWith(server.baseUrl() + "/reset?token=");
        assertThat(received.html()).contains("<a href=\"" + received.resetLink() + "\"");
    }

    @Test
    void aWrongEmailGetsTheSameAnswerAndNoMail() {
        TestAccount account = accounts.create("wrongmail");
        TestAccount other = accounts.create("othermail");
        steps.enrol(steps.newSession(), account);
        steps.enrol(steps.newSession(), other);

        Answer wrong = answerTo(account, other.email()); // another account's address
        Answer unknown = answerTo(account, "nessuno." + account.email()); // nobody's address
        Answer right = answerTo(other, other.email());

        assertThat(wrong.result()).contains(SAME_ANSWER);
        assertSameAnswer(wrong, right);
        assertSameAnswer(unknown, right);
        mail.awaitResetLink(other.email()); // the right one was sent: the wrong one would be out by now too
        assertNoMailWithin(account.email(), Duration.ofSeconds(3));
        assertNoMailWithin(other.email(), 2, Duration.ofSeconds(1)); // nor to the address typed
    }

    @Test
    void anAccountWithoutEmailGetsTheSameAnswerWithTheAdministratorWarningAndNoMail() {
        TestAccount account = accounts.create("noemail", "USER", false);
        steps.enrol(steps.newSession(), account);
        long mailsBefore = server.database().column("select count(*) from mail_outbox where kind = 'RESET_LINK'").stream().mapToLong(Long::parseLong).sum();
        TestAccount withEmail = accounts.create("withemail");
        steps.enrol(steps.newSession(), withEmail);
        Answer right = answerTo(withEmail, withEmail.email());

        Answer result = answerTo(account, "noemail@example.test");

        assertThat(result.result()).contains("rivolgiti all’amministratore");
        assertSameAnswer(result, right);
        assertThat(accounts.auditTypes(account)).contains("RESET_REQUESTED").doesNotContain("RESET_MAIL_QUEUED");
        mail.awaitResetLink(withEmail.email()); // the dispatcher has run since
        assertThat(server.database().column("select count(*) from mail_outbox where kind = 'RESET_LINK'")).containsExactly(
                String.valueOf(mailsBefore + 1)); // only withEmail's mail was queued
    }

    @Test
    void openingTheLinkChangesNothingAndTheButtonResetsTheAccountToFirstAccess() {
        TestAccount account = accounts.create("redeem");
        String oldKey = steps.enrol(steps.newSession(), account);
        steps.askResetLink(steps.newSession(), account, account.email());
        String resetPath = mail.awaitResetLink(account.email()).resetPath();

        WebSession scanner = steps.newSession();
        Page preview = scanner.get(resetPath);
        scanner.get(resetPath);
        assertThat(preview.has("reset:confirm")).isTrue();
        assertThat(preview.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(preview.document().select("meta[name=referrer]")).isEmpty(); // a meta tag would override it
        assertThat(preview.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(accounts.column(account, "two_factor_state")).isEqualTo("ACTIVE");

        Page login = steps.redeem(steps.newSession(), resetPath);

        assertThat(login.path()).isEqualTo("/soglia/login");
        assertThat(login.messages()).contains("l’autenticazione a due fattori è stata reimpostata");
        assertThat(accounts.column(account, "two_factor_state")).isEqualTo("NOT_ENROLLED");
        assertThat(accounts.authenticatorColumn(account, "secret")).isNull();
        assertThat(accounts.auditTypes(account)).contains("TWO_FACTOR_RESET");
        ReceivedMail notice = mail.awaitContaining(account.email(), "con il link ricevuto per email");
        assertThat(notice.subject()).contains("reimpostata");

        WebSession again = steps.newSession();
        Page enrol = steps.password(again, account.username(), account.password());
        assertThat(enrol.path()).isEqualTo("/soglia/enroll");
        String newKey = SignInSteps.keyOn(enrol);
        assertThat(newKey).isNotEqualTo(oldKey);
        steps.code(again, enrol, Codes.code(newKey, server.clock().now(), 0));

        WebSession withOldPhone = steps.newSession();
        Page codePage = steps.password(withOldPhone, account.username(), account.password());
        Page refused = steps.code(withOldPhone, codePage, Codes.code(oldKey, server.clock().now(), 1));
        assertThat(refused.path()).isEqualTo("/soglia/code");
        assertThat(refused.messages()).startsWith("Codice non valido.");
    }

    @Test
    void aUsedLinkIsRefused() {
        TestAccount account = accounts.create("used");
        steps.enrol(steps.newSession(), account);
        steps.askResetLink(steps.newSession(), account, account.email());
        String resetPath = mail.awaitResetLink(account.email()).resetPath();
        Page firstUse = steps.redeem(steps.newSession(), resetPath);
        assertThat(firstUse.path()).isEqualTo("/soglia/login"); // the first use worked
        assertThat(firstUse.messages()).contains("l’autenticazione a due fattori è stata reimpostata");
        assertThat(accounts.column(account, "two_factor_state")).isEqualTo("NOT_ENROLLED");
        steps.enrol(steps.newSession(), account); // the owner links the new phone

        Page second = steps.newSession().get(resetPath);

        assertThat(second.has("reset-invalid")).isTrue();
        assertThat(second.has("reset:confirm")).isFalse();
        assertThat(accounts.column(account, "two_factor_state")).isEqualTo("ACTIVE"); // the new phone stays linked
        assertThat(accounts.auditTypes(account).stream().filter("TWO_FACTOR_RESET"::equals)).hasSize(1);
    }

    @Test
    void anExpiredLinkIsRefusedAndChangesNothing() {
        TestAccount account = accounts.create("expired");
        steps.enrol(steps.newSession(), account);
        steps.askResetLink(steps.newSession(), account, account.email());
        String resetPath = mail.awaitResetLink(account.email()).resetPath();
        WebSession session = steps.newSession();
        Page landing = session.get(resetPath);

        server.clock().advance(Duration.ofMinutes(31));
        Page afterConfirm = session.submit(landing, "reset", java.util.Map.of(), "reset:confirm");

        assertThat(afterConfirm.has("reset-invalid")).isTrue();
        assertThat(steps.newSession().get(resetPath).has("reset-invalid")).isTrue();
        assertThat(accounts.column(account, "two_factor_state")).isEqualTo("ACTIVE");
    }

    @Test
    void aNewLinkVoidsTheOlderOne() {
        TestAccount account = accounts.create("voided");
        steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        Page result = steps.askResetLink(session, account, account.email());
        String first = mail.awaitResetLink(account.email()).resetPath();

        steps.askResetLink(steps.newSession(), account, account.email());
        String second = mail.awaitResetLinks(account.email(), 2).get(1).resetPath();

        assertThat(result.has("lost-result")).isTrue();
        assertThat(steps.newSession().get(first).has("reset-invalid")).isTrue();
        assertThat(steps.newSession().get(second).has("reset:confirm")).isTrue();
    }

    @Test
    void unknownAndMalformedLinksShowTheSamePage() {
        for (String path : List.of("/reset?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/reset?token=short",
                "/reset?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/reset")) {
            Page page = steps.newSession().get(path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text("reset-invalid")).contains("Questo link non è valido");
            assertThat(page.document().html()).doesNotContain("<script>alert(1)");
        }
    }

    @Test
    void atMostThreeMailsPerAccountPerHour() {
        TestAccount account = accounts.create("ratelimit");
        steps.enrol(steps.newSession(), account);

        for (int i = 0; i < 4; i++) {
            Page result = steps.askResetLink(steps.newSession(), account, account.email());
            assertThat(result.text("lost-result")).contains(SAME_ANSWER);
        }

        mail.awaitResetLinks(account.email(), 3);
        assertNoMailWithin(account.email(), 4, Duration.ofSeconds(3));
        assertThat(accounts.auditTypes(account)).contains("RESET_RATE_LIMITED");
    }

    @Test
    void aResetEndsTheSessionsOfTheAccount() {
        TestAccount account = accounts.create("sessions");
        WebSession signedIn = steps.newSession();
        steps.enrol(signedIn, account);
        assertThat(signedIn.get("/profile").path()).isEqualTo("/soglia/profile");

        steps.askResetLink(steps.newSession(), account, account.email());
        steps.redeem(steps.newSession(), mail.awaitResetLink(account.email()).resetPath());

        Page after = signedIn.get("/profile");
        assertThat(after.path()).isEqualTo("/soglia/login");
        assertThat(after.messages()).contains("La sessione è stata chiusa");
    }

    @Test
    void theLostCodePageWithoutAPasswordStepIsJustTheSignIn() {
        Page page = steps.newSession().get("/lost-code");

        assertThat(page.path()).isEqualTo("/soglia/login");
        assertThat(page.messages()).isEmpty(); // nothing was started, so nothing "expired"
    }

    @Test
    void tokensAreStoredOnlyHashedAndMailBodiesAreErasedOnceSent() {
        TestAccount account = accounts.create("hashed");
        steps.enrol(steps.newSession(), account);
        steps.askResetLink(steps.newSession(), account, account.email());
        String link = mail.awaitResetLink(account.email()).resetLink();
        String token = link.substring(link.indexOf("token=") + 6);

        List<String> hashes = server.database().column(
                "select token_hash from reset_token where account_id = ?", account.id());
        assertThat(hashes).containsExactly(sha256Hex(token));
        assertThat(server.database().column("select count(*) from audit_event where detail like ?", "%" + token + "%"))
                .containsExactly("0");
        awaitOutboxStatus(account.email(), "SENT");
        assertThat(server.database().column("select body_text from mail_outbox where recipient = ?", account.email()))
                .containsOnlyNulls();
    }

    @Test
    void aMailAskedForWhileSmtpIsDownArrivesOnceWhenItIsBack() {
        TestAccount account = accounts.create("smtpdown");
        steps.enrol(steps.newSession(), account);
        mail.awaitContaining(account.email(), "è stata collegata"); // the enrolment notice, before SMTP goes down
        mail.stop();
        try {
            steps.askResetLink(steps.newSession(), account, account.email());
            awaitAttempts(account.email(), 1);
        } finally {
            mail.start();
        }

        mail.awaitResetLink(account.email());
        awaitOutboxStatus(account.email(), "SENT");
        assertNoMailWithin(account.email(), 2, Duration.ofSeconds(3));
    }

    @Test
    void aMailThatKeepsFailingIsMarkedFailedWithItsLastError() {
        TestAccount account = accounts.create("failing");
        steps.enrol(steps.newSession(), account);
        mail.awaitContaining(account.email(), "è stata collegata"); // the enrolment notice, before SMTP goes down
        mail.stop();
        try {
            steps.askResetLink(steps.newSession(), account, account.email());
            awaitOutboxStatus(account.email(), "FAILED");
        } finally {
            mail.start();
        }

        assertThat(server.database().column("select attempts from mail_outbox where recipient = ? and kind = 'RESET_LINK'", account.email()))
                .containsExactly("3");
        assertThat(server.database().column("select last_error from mail_outbox where recipient = ? and kind = 'RESET_LINK'", account.email()))
                .singleElement().asString().contains("Exception");
        assertNoMailWithin(account.email(), Duration.ofSeconds(3));
    }

    @Test
    void theLostCodePageAfterThePendingStateExpiredLeadsBackToTheSignIn() {
        TestAccount account = accounts.create("lostexpired");
        steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());
        Page lost = session.get("/lost-code");

        server.clock().advance(Duration.ofMinutes(6));
        Page afterPost = session.submit(lost, "lost", java.util.Map.of("email", account.email()), "lost:submit");

        assertThat(codePage.path()).isEqualTo("/soglia/code");
        assertThat(afterPost.path()).isEqualTo("/soglia/login");
        assertThat(afterPost.messages()).contains("Il tempo per completare l’accesso è scaduto");
        assertThat(session.get("/lost-code").path()).isEqualTo("/soglia/login");
        assertThat(accounts.auditTypes(account)).doesNotContain("RESET_REQUESTED");
    }

    /**
     * Everything the lost-code page answers to one typed email, as a person (or a script comparing answers) sees it:
     * status, the messages, the result box, the whole visible text of the page, and how long the answer took.
     */
    private record Answer(int status, String messages, String result, String visibleText, Duration took) {
    }

    /** Signs {@code account} in with its password, opens "Non sei più in possesso del codice?" and sends the email. */
    private static Answer answerTo(TestAccount account, String typedEmail) {
        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());
        Page lost = session.get(codePage.byId("lost-code-link").orElseThrow().attr("href").replaceFirst("^/soglia", ""));
        long start = System.nanoTime();
        Page answer = session.submit(lost, "lost", java.util.Map.of("email", typedEmail), "lost:submit");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Answer(answer.status(), answer.messages(), answer.byId("lost-result").map(e -> e.text()).orElse(null),
                answer.document().body().text(), took);
    }

    /**
     * The same answer in everything but the time, and the times alike within a loose bound: the mail and its token
     * are queued, so neither answer waits for SMTP. A sanity bound against an answer that does visibly more work,
     * not a measurement (that is for the benchmarks).
     */
    private static void assertSameAnswer(Answer answer, Answer reference) {
        assertThat(answer.status()).as("status").isEqualTo(reference.status()).isEqualTo(200);
        assertThat(answer.messages()).as("#messages").isEqualTo(reference.messages());
        assertThat(answer.result()).as("#lost-result").isNotNull().isEqualTo(reference.result());
        assertThat(answer.visibleText()).as("the page's visible text").isEqualTo(reference.visibleText());
        assertThat(answer.took().minus(reference.took()).abs()).as("time taken: %s vs %s", answer.took(), reference.took())
                .isLessThan(SAME_TIME_TOLERANCE);
    }

    private static final Duration SAME_TIME_TOLERANCE = Duration.ofSeconds(2);

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoMailWithin(String recipient, Duration wait) {
        assertNoMailWithin(recipient, 1, wait);
    }

    /** Waits {@code wait} and checks that fewer than {@code count} reset-link mails reached {@code recipient}. */
    private static void assertNoMailWithin(String recipient, int count, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            assertThat(mail.resetLinks(recipient)).hasSizeLessThan(count);
            pause();
        }
    }

    private static void awaitOutboxStatus(String recipient, String status) {
        server.database().await("select status from mail_outbox where recipient = ? and kind = 'RESET_LINK'", recipient,
                status::equals);
    }

    private static void awaitAttempts(String recipient, int attempts) {
        server.database().await("select attempts from mail_outbox where recipient = ? and kind = 'RESET_LINK'",
                recipient, value -> Integer.parseInt(value) >= attempts);
    }

    private static void pause() {
        try {
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
