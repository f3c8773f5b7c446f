package it.soglia.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input in every field a user can type, through the real pages: empty, whitespace only, 10 kB, digits of
 * other scripts, NUL and control characters, CR/LF header injection, SQL and HTML payloads, reset tokens that only
 * start right. Every case must get a clear message (the field's own one), never an error page, send no mail, never
 * come back unescaped, and leave the accounts, tokens and codes as they were: unless the input is a legitimate
 * value, such as a password or a name that merely looks like SQL, which is then taken as it was typed.
 */
class HostileInputIT extends PageTest {

    private static final String USERNAME_REQUIRED = "Inserisci il nome utente.";
    private static final String PASSWORD_REQUIRED = "Inserisci la password.";
    private static final String SIGN_IN_FAILED = "Nome utente o password non validi.";
    private static final String CODE_REQUIRED = "Inserisci il codice a 6 cifre.";
    private static final String CODE_MALFORMED = "Il codice è composto da 6 cifre (da 0 a 9), ad esempio 123456.";
    private static final String RECOVERY_REQUIRED = "Inserisci un codice di recupero.";
    private static final String RECOVERY_MALFORMED = "Un codice di recupero ha 16 caratteri";
    private static final String EMAIL_REQUIRED = "Inserisci l’indirizzo email associato al tuo account.";
    private static final String EMAIL_INVALID = "L’indirizzo email non è valido.";
    private static final String TOO_SHORT = "La nuova password deve avere almeno 12 caratteri.";
    private static final String TOO_LONG = "La nuova password è troppo lunga.";
    private static final String PASSWORD_CONTROL = "La nuova password non può contenere caratteri di controllo";
    private static final String WRONG_PASSWORD = "La password attuale non è corretta.";
    private static final String PASSWORD_CHANGED = "Password cambiata.";
    private static final String LANGUAGE_INVALID = "Scegli una delle lingue proposte.";
    private static final String NOT_LISTED = "Scegli una delle voci proposte.";
    private static final String USERNAME_INVALID = "Il nome utente può contenere lettere, cifre, punto";
    private static final String NAME_REQUIRED = "Inserisci il nome.";
    private static final String NAME_CONTROL = "Il nome non può contenere caratteri di controllo";
    private static final String CREATED = "creato. Password iniziale:";
    private static final String SAVED = "salvati.";
    private static final String NO_USERS = "Nessun utente corrisponde alla ricerca.";
    private static final String ROLE_REQUIRED = "Scegli il ruolo.";

    /** The message for text longer than the field's {@code maxlength}. */
    private static String tooLong(int maxLength) {
        return "Il testo inserito è troppo lungo: al massimo " + maxLength + " caratteri.";
    }

    /** What is typed. Those without a value are made from the fixtures (a real token, the account's address). */
    enum Payload {
        EMPTY("empty", ""),
        BLANK("whitespace only", " \t  "),
        LONG("10 kB", "a".repeat(10 * 1024) + "@example.test"),
        ARABIC_INDIC_DIGITS("Arabic-Indic digits", "١٢٣٤٥٦"),
        FULL_WIDTH_DIGITS("full-width digits", "１２３４５６"),
        NUL("NUL", "nul\u0000byte-soglia-2026"),
        CONTROL("control characters", "bell\u0007 esc\u001b[31m del\u007f nel\u0085 soglia"),
        CRLF("CR/LF header injection", "a@b\r\nBcc: x@evil.test"),
        SQL_OR("SQL OR", "' OR '1'='1' --"),
        SQL_DROP("SQL DROP", "x'); DROP TABLE account; --"),
        SCRIPT("<script>", "<script>alert('soglia')</script>"),
        ATTRIBUTE("attribute break-out", "\"><img src=x onerror=alert('soglia')>"),
        SCRIPT_EMAIL("address made of markup", "<script>alert('soglia')</script>@evil.test"),
        OWN_EMAIL_CRLF("the account's own address + CR/LF Bcc", null),
        TOKEN_PREFIX_GARBAGE("real token's first 20 characters + garbage", null),
        TOKEN_PREFIX_SCRIPT("real token's first 20 characters + <script>", null),
        TOKEN_ONE_MORE("real token + one character", null),
        TOKEN_NUL("real token + NUL", null);

        static final List<Payload> COMMON = List.of(EMPTY, BLANK, LONG, ARABIC_INDIC_DIGITS, FULL_WIDTH_DIGITS, NUL,
                CONTROL, CRLF, SQL_OR, SQL_DROP, SCRIPT, ATTRIBUTE);
        static final List<Payload> TOKENS =
                List.of(TOKEN_PREFIX_GARBAGE, TOKEN_PREFIX_SCRIPT, TOKEN_ONE_MORE, TOKEN_NUL);

        private final String label;
        private final String value;

        Payload(String label, String value) {
            this.label = label;
            this.value = value;
        }

        boolean isBlank() {
            return this == EMPTY || this == BLANK;
        }

        boolean hasControlCharacters() {
            return this == NUL || this == CONTROL || this == CRLF || this == OWN_EMAIL_CRLF || this == TOKEN_NUL;
        }

        /** SQL and markup that are still a fine password or name: taken as typed, shown escaped. */
        boolean isLegitimateText() {
            return this == SQL_OR || this == SQL_DROP || this == SCRIPT || this == ATTRIBUTE;
        }

        String value() {
            return switch (this) {
                case OWN_EMAIL_CRLF -> midSignIn().account.email() + "\r\nBcc: x@evil.test";
                case TOKEN_PREFIX_GARBAGE -> resetToken().substring(0, 20) + "A".repeat(23);
                case TOKEN_PREFIX_SCRIPT -> resetToken().substring(0, 20) + "<script>alert('soglia')</script>";
                case TOKEN_ONE_MORE -> resetToken() + "A";
                case TOKEN_NUL -> resetToken() + "\u0000";
                default -> value;
            };
        }
    }

    /**
     * What a case must end with. {@code changes}: the input is legitimate and may change the stored data (checked by
     * {@code then}); otherwise accounts, tokens and recovery codes must be as before.
     */
    record Expect(String message, String shownId, boolean changes, BiConsumer<String, Answer> then, int status) {

        static Expect refused(String message) {
            return new Expect(message, null, false, null, 0);
        }

        static Expect refusedShowing(String id) {
            return new Expect(null, id, false, null, 0);
        }

        static Expect refused(BiConsumer<String, Answer> then) {
            return new Expect(null, null, false, then, 0);
        }

        static Expect accepted(String message, BiConsumer<String, Answer> then) {
            return new Expect(message, null, true, then, 0);
        }

        /**
         * A request line longer than the HTTP listener takes (8 kB) never reaches Soglia: the container answers
         * 400 Bad Request by itself. No mailed link is anywhere near that long.
         */
        static Expect refusedByTheContainer() {
            return new Expect(null, null, false, null, 400);
        }
    }

    /** What the server answered: a page after its redirects, or a partial response with its updates. */
    record Answer(int status, String body, Document document, boolean ajax) {

        static Answer of(Page page) {
            return new Answer(page.status(), page.body(), page.document(), false);
        }

        static Answer of(HttpResponse<String> response, String baseUri) {
            return new Answer(response.statusCode(), response.body(), WebSession.updatesOf(response.body(), baseUri),
                    true);
        }

        String messages() {
            Element messages = document.getElementById("messages");
            return messages == null ? "" : messages.text();
        }

        boolean has(String id) {
            return document.getElementById(id) != null;
        }

        boolean isErrorPage() {
            return has("server-error") || (ajax && (body.contains("<error>") || body.contains("<redirect")));
        }
    }

    /**
     * A field and how to type into it: {@code open} brings up the page with the form (before the state is read),
     * {@code enter} types the value there and sends it. Text longer than {@code maxLength} (0: none) is refused as
     * such before anything else looks at it.
     */
    record Field(String name, int maxLength, List<Payload> payloads, Function<Payload, Expect> expect,
                 Supplier<Page> open, BiFunction<Page, String, Answer> enter) {

        Expect expectFor(Payload payload, String value) {
            return maxLength > 0 && value.length() > maxLength ? Expect.refused(tooLong(maxLength))
                    : expect.apply(payload);
        }
    }

    record Case(Field field, Payload payload) {
        @Override
        public String toString() {
            return field.name() + " × " + payload.label;
        }
    }

    /**
     * Throttling has its own test (ThrottlingIT). Here each input must meet its field's own checks, not a delay
     * earned by the wrong passwords, lost-code requests and bad tokens of the cases before it.
     */
    private static void forgetThrottling() {
        try (var connection = server.database().connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("delete from throttle");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Case> cases() {
        return fields().stream().flatMap(field -> field.payloads().stream().map(payload -> new Case(field, payload)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputGetsAClearAnswerAndChangesNothing(Case c) {
        String value = c.payload().value();
        Expect expect = c.field().expectFor(c.payload(), value);
        forgetThrottling();
        Page page = c.field().open().get();
        List<String> before = storedState();
        long mailsBefore = outboxSize();

        Answer answer = c.field().enter().apply(page, value);

        assertThat(answer.status()).as("HTTP status").isLessThan(500);
        if (expect.status() != 0) {
            assertThat(answer.status()).as("HTTP status").isEqualTo(expect.status());
        }
        assertThat(answer.isErrorPage()).as("error page instead of an answer:\n%s", excerpt(answer.body())).isFalse();
        if (expect.message() != null) {
            assertThat(answer.messages()).as("messages, in the answer:\n%s", excerpt(answer.body()))
                    .contains(expect.message());
        }
        if (expect.shownId() != null) {
            assertThat(answer.has(expect.shownId())).as("#%s shown, in the answer (status %d):\n%s", expect.shownId(),
                    answer.status(), excerpt(answer.body())).isTrue();
        }
        assertNothingUnescaped(answer, value);
        if (!expect.changes()) {
            assertThat(storedState()).as("accounts, reset tokens and recovery codes").isEqualTo(before);
        }
        if (!expect.changes()) { // an accepted change may tell its owner (a new password does); a refusal never mails
            assertThat(outboxSize()).as("mails queued").isEqualTo(mailsBefore);
        }
        assertThat(server.mail().deliveredToDomain("evil.test")).as("mails to evil.test").isZero();
        assertNoStoredControlCharacters();
        if (expect.then() != null) {
            expect.then().accept(value, answer);
        }
    }

    @AfterAll
    static void noMailEverReachedTheInjectedRecipient() throws InterruptedException {
        Thread.sleep(1500); // the outbox is polled every 0.5 s in the tests
        assertThat(server.mail().deliveredToDomain("evil.test")).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The fields

    private static List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        List<Payload> common = Payload.COMMON;

        fields.add(new Field("/login username", 64, common,
                p -> p.isBlank() ? Expect.refused(USERNAME_REQUIRED) : Expect.refused(SIGN_IN_FAILED),
                HostileInputIT::loginPage,
                (page, v) -> Answer.of(anonymous().submit(page, "login",
                        Map.of("username", v, "password", loginAccount().password()), "login:submit"))));
        fields.add(new Field("/login password", 0, common,
                p -> p == Payload.EMPTY ? Expect.refused(PASSWORD_REQUIRED) : Expect.refused(SIGN_IN_FAILED),
                HostileInputIT::loginPage,
                (page, v) -> Answer.of(anonymous().submit(page, "login",
                        Map.of("username", loginAccount().username(), "password", v), "login:submit"))));

        fields.add(new Field("/code code", 9, common,
                p -> p.isBlank() ? Expect.refused(CODE_REQUIRED) : Expect.refused(CODE_MALFORMED),
                () -> midSignIn().open("/code"),
                (page, v) -> Answer.of(midSignIn().session.submit(page, "code", Map.of("code", v), "code:submit"))));
        fields.add(new Field("/recovery-code code", 64, common,
                p -> p.isBlank() ? Expect.refused(RECOVERY_REQUIRED) : Expect.refused(RECOVERY_MALFORMED),
                () -> midSignIn().open("/recovery-code"),
                (page, v) -> Answer.of(midSignIn().session.submit(page, "recovery", Map.of("code", v),
                        "recovery:submit"))));
        fields.add(new Field("/enroll code", 9, common,
                p -> p.isBlank() ? Expect.refused(CODE_REQUIRED) : Expect.refused(CODE_MALFORMED),
                () -> firstAccess().open("/enroll"),
                (page, v) -> Answer.of(firstAccess().session.submit(page, "enroll", Map.of("code", v),
                        "enroll:submit"))));

        fields.add(new Field("/lost-code email", 254, with(common, Payload.SCRIPT_EMAIL, Payload.OWN_EMAIL_CRLF),
                p -> p.isBlank() ? Expect.refused(EMAIL_REQUIRED) : Expect.refusedShowing("lost-result"),
                () -> midSignIn().open("/lost-code"),
                (page, v) -> Answer.of(midSignIn().session.submit(page, "lost", Map.of("email", v), "lost:submit"))));

        fields.add(new Field("/reset?token= (GET)", 0, with(common, Payload.TOKENS),
                p -> p == Payload.LONG ? Expect.refusedByTheContainer() : Expect.refusedShowing("reset-invalid"),
                () -> {
                    resetToken();
                    return null;
                },
                (page, v) -> Answer.of(anonymous().get("/reset?token="
                        + URLEncoder.encode(v, StandardCharsets.UTF_8)))));
        fields.add(new Field("/reset token (confirm POST)", 0, with(common, Payload.TOKENS),
                p -> Expect.refusedShowing("reset-invalid"),
                () -> {
                    Page landing = anonymous().get("/reset?token=" + resetToken());
                    assertThat(landing.has("reset")).as("the real link still works").isTrue();
                    return landing;
                },
                (page, v) -> Answer.of(anonymous().submit(page, "reset", Map.of("token", v), "reset:confirm"))));

        fields.add(new Field("/change-password new password", 0, common,
                p -> newPassword(p, HostileInputIT::initialReplaced),
                () -> initialPassword().open("/change-password"),
                (page, v) -> Answer.of(initialPassword().session.submit(page, "password",
                        Map.of("new", v, "confirm", v), "password:submit"))));

        fields.add(new Field("/profile current password", 0, common,
                p -> p == Payload.EMPTY ? Expect.refused(PASSWORD_REQUIRED) : Expect.refused(WRONG_PASSWORD),
                () -> profile().session.get("/profile"),
                (page, v) -> Answer.of(profile().session.submit(page, "password",
                        Map.of("current", v, "new", "una frase lunga e nuova", "confirm", "una frase lunga e nuova"),
                        "password:submit"))));
        fields.add(new Field("/profile email address", 254, with(common, Payload.SCRIPT_EMAIL),
                p -> p.isBlank() ? Expect.refused(EMAIL_REQUIRED) : Expect.refused(EMAIL_INVALID),
                () -> profile().session.get("/profile"),
                (page, v) -> Answer.of(profile().session.submit(page, "email",
                        Map.of("address", v, "password", profile().password), "email:submit"))));
        fields.add(new Field("/profile email password", 0, common,
                p -> p == Payload.EMPTY ? Expect.refused(PASSWORD_REQUIRED) : Expect.refused(WRONG_PASSWORD),
                () -> profile().session.get("/profile"),
                (page, v) -> Answer.of(profile().session.submit(page, "email",
                        Map.of("address", "nuovo." + profile().account.email(), "password", v), "email:submit"))));
        fields.add(new Field("/profile language", 0, common,
                p -> p.isBlank() ? Expect.refused(LANGUAGE_INVALID) : Expect.refused(NOT_LISTED),
                () -> profile().session.get("/profile"),
                (page, v) -> Answer.of(profile().session.submit(page, "language", Map.of("choice_input", v),
                        "language:submit"))));

        // last of the profile: an accepted password is a payload, which the fields above would then type rightly
        fields.add(new Field("/profile new password", 0, common,
                p -> newPassword(p, HostileInputIT::profilePasswordChanged),
                () -> profile().session.get("/profile"),
                (page, v) -> Answer.of(profile().session.submit(page, "password",
                        Map.of("current", profile().password, "new", v, "confirm", v), "password:submit"))));

        fields.add(new Field("/admin/users create: username", 64, common,
                p -> p.isBlank() ? Expect.refused(USERNAME_REQUIRED) : Expect.refused(USERNAME_INVALID),
                () -> admin().session.get("/admin/users"),
                (page, v) -> create(page, v, "Nome Valido", "", "USER")));
        fields.add(new Field("/admin/users create: name", 200, common,
                p -> name(p, CREATED, HostileInputIT::createdWithName),
                () -> admin().session.get("/admin/users"),
                (page, v) -> create(page, nextUsername(), v, "", "USER")));
        fields.add(new Field("/admin/users create: email", 254, with(common, Payload.SCRIPT_EMAIL),
                p -> email(p, CREATED, HostileInputIT::createdWithoutEmail),
                () -> admin().session.get("/admin/users"),
                (page, v) -> create(page, nextUsername(), "Nome Valido", v, "USER")));
        fields.add(new Field("/admin/users create: role", 0, common,
                p -> p.isBlank() ? Expect.refused(ROLE_REQUIRED) : Expect.refused(NOT_LISTED),
                () -> admin().session.get("/admin/users"),
                (page, v) -> create(page, nextUsername(), "Nome Valido", "", v)));

        fields.add(new Field("/admin/user edit: name", 200, common,
                p -> name(p, SAVED, HostileInputIT::editedName),
                () -> admin().session.get("/admin/user?username=" + admin().target.username()),
                (page, v) -> Answer.of(admin().session.submit(page, "edit", Map.of("name", v), "edit:save"))));
        fields.add(new Field("/admin/user edit: email", 254, with(common, Payload.SCRIPT_EMAIL),
                p -> email(p, SAVED, HostileInputIT::editedWithoutEmail),
                () -> admin().session.get("/admin/user?username=" + admin().target.username()),
                (page, v) -> Answer.of(admin().session.submit(page, "edit",
                        Map.of("name", "Nome Valido", "email", v), "edit:save"))));
        fields.add(new Field("/admin/user edit: role", 0, common,
                p -> p.isBlank() ? Expect.refused(ROLE_REQUIRED) : Expect.refused(NOT_LISTED),
                () -> admin().session.get("/admin/user?username=" + admin().target.username()),
                (page, v) -> Answer.of(admin().session.submit(page, "edit", Map.of("role_input", v), "edit:save"))));

        fields.add(new Field("/admin/users search", 0, common,
                p -> Expect.refused(HostileInputIT::listsTheUsersContaining),
                () -> admin().session.get("/admin/users"),
                (page, v) -> Answer.of(admin().session.ajaxRaw(page, "users", "users:table",
                        Map.of("users:table_filtering", "true", "users:table_encodeFeature", "true",
                                "users:table:globalFilter", v)), page.uri().toString())));
        fields.add(new Field("/admin/audit account filter", 64, common,
                p -> Expect.refused(HostileInputIT::listsTheEventsOf),
                () -> admin().session.get("/admin/audit"),
                HostileInputIT::filterAudit));
        return fields;
    }

    private static Page loginPage() {
        loginAccount();
        return anonymous().get("/login");
    }

    private static List<Payload> with(List<Payload> common, Payload... more) {
        return with(common, List.of(more));
    }

    private static List<Payload> with(List<Payload> common, List<Payload> more) {
        return Stream.concat(common.stream(), more.stream()).toList();
    }

    /** A new password is held to the policy; SQL and markup long enough are fine passwords. */
    private static Expect newPassword(Payload p, BiConsumer<String, Answer> whenChanged) {
        return switch (p) {
            case EMPTY -> Expect.refused(PASSWORD_REQUIRED);
            case LONG -> Expect.refused(TOO_LONG);
            case NUL, CONTROL, CRLF -> Expect.refused(PASSWORD_CONTROL);
            case SQL_OR, SQL_DROP, SCRIPT, ATTRIBUTE -> Expect.accepted(PASSWORD_CHANGED, whenChanged);
            default -> Expect.refused(TOO_SHORT);
        };
    }

    /** A display name: required, no control characters (its length is the field's); any other text is a name. */
    private static Expect name(Payload p, String done, BiConsumer<String, Answer> whenSaved) {
        if (p.isBlank()) {
            return Expect.refused(NAME_REQUIRED);
        }
        return p.hasControlCharacters() ? Expect.refused(NAME_CONTROL) : Expect.accepted(done, whenSaved);
    }

    /** An admin-given email is optional: left empty, the account has none. */
    private static Expect email(Payload p, String done, BiConsumer<String, Answer> whenSaved) {
        return p.isBlank() ? Expect.accepted(done, whenSaved) : Expect.refused(EMAIL_INVALID);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What legitimate values leave behind

    private static void initialReplaced(String value, Answer answer) {
        TestAccount account = initialPassword().account;
        assertThat(accounts.column(account, "password_change_required")).isEqualTo("FALSE");
        initialPassword().password = value; // the next sign-in proves it was stored as typed
        accounts.requirePasswordChange(account); // and brings the next case back to /change-password
    }

    private static void profilePasswordChanged(String value, Answer answer) {
        profile().password = value; // the next profile case types it as the current password
    }

    private static void createdWithName(String value, Answer answer) {
        assertThat(server.database().column("select display_name from account where username = ?", lastUsername))
                .containsExactly(value.strip());
    }

    private static void createdWithoutEmail(String value, Answer answer) {
        assertThat(server.database().column("select email from account where username = ?", lastUsername))
                .containsExactly((String) null);
    }

    private static void editedName(String value, Answer answer) {
        assertThat(accounts.column(admin().target, "display_name")).isEqualTo(value.strip());
    }

    private static void editedWithoutEmail(String value, Answer answer) {
        assertThat(accounts.column(admin().target, "email")).isNull();
    }

    /** The table shows what a plain substring search finds (first page, in username order). */
    private static void listsTheUsersContaining(String value, Answer answer) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        List<String> expected = text.isEmpty()
                ? server.database().column("select username from account order by username_key, id limit 20")
                : server.database().column("select username from account where locate(?, search_text) > 0"
                        + " order by username_key, id limit 20", text);
        assertThat(answer.document().select("tr[data-ri] td:first-child a").eachText()).isEqualTo(expected);
        if (expected.isEmpty()) {
            assertThat(answer.document().text()).contains(NO_USERS);
        }
    }

    /** The log lists the events of the account typed (or of the text typed, for an unknown one). */
    private static void listsTheEventsOf(String value, Answer answer) {
        String typed = value.strip();
        Matcher total = Pattern.compile("totalRecords(?:\"|&#34;):(\\d+)").matcher(answer.body()); // JSON in XML
        assertThat(total.find()).as("the table's total in:\n%s", excerpt(answer.body())).isTrue();
        if (typed.isEmpty()) {
            assertThat(Long.parseLong(total.group(1))).isPositive();
            return;
        }
        List<String> known = typed.length() > 64 ? List.of()
                : server.database().column("select username from account where username_key = ?",
                        typed.toLowerCase(Locale.ROOT));
        String subject = known.isEmpty() ? typed : known.get(0);
        String count = server.database().column("select count(*) from audit_event where subject = ?", subject).get(0);
        assertThat(total.group(1)).isEqualTo(count);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Typing into the admin's Ajax forms as a browser does

    private static Answer create(Page users, String username, String name, String email, String role) {
        lastUsername = username;
        Element button = users.byId("create:submit").orElseThrow();
        Map<String, String> params = new HashMap<>();
        params.put("jakarta.faces.partial.execute", "create:submit " + ajaxOption(button, "onclick", "p"));
        params.put("jakarta.faces.partial.render", ajaxOption(button, "onclick", "u"));
        params.put("create:submit", "create:submit");
        params.put("create:username", username);
        params.put("create:displayName", name);
        params.put("create:email", email);
        params.put("create:role_input", role);
        return Answer.of(admin().session.ajaxRaw(users, "create", "create:submit", params), users.uri().toString());
    }

    /**
     * The account field fires "change" (updating what its p:ajax names; the view keeps the value), then, unless the
     * value was refused, the table filters with it.
     */
    private static Answer filterAudit(Page audit, String value) {
        String update = ajaxOption(audit.byId("audit:account").orElseThrow(), "onchange", "u");
        Map<String, String> change = Map.of("jakarta.faces.partial.event", "change",
                "jakarta.faces.behavior.event", "change", "jakarta.faces.partial.render", update,
                "audit:account", value);
        Answer changed = Answer.of(admin().session.ajaxRaw(audit, "audit", "audit:account", change),
                audit.uri().toString());
        if (changed.status() >= 500 || changed.isErrorPage() || !changed.messages().isEmpty()) {
            return changed;
        }
        Answer filtered = Answer.of(admin().session.ajaxRaw(audit, "audit", "audit:table",
                Map.of("audit:table_filtering", "true", "audit:table_encodeFeature", "true")), audit.uri().toString());
        return new Answer(filtered.status(), changed.body() + "\n" + filtered.body(), filtered.document(), true);
    }

    /**
     * One option of the PrimeFaces Ajax call in a rendered event handler, "p" (process) or "u" (update), as the
     * browser sends it: ids separated by spaces.
     */
    private static String ajaxOption(Element element, String handler, String option) {
        Matcher m = Pattern.compile("[{,]" + option + ":\\s*[\"']([^\"']*)[\"']").matcher(handlerScript(element, handler));
        if (!m.find()) {
            throw new AssertionError("no " + option + ": in " + handler + " of " + element.outerHtml());
        }
        return m.group(1).replace(',', ' ');
    }

    /**
     * The script of an element's event handler: its attribute, or, under the Content-Security-Policy, the nonced
     * script where PrimeFaces registers it ({@code PrimeFaces.csp.register('id','onclick',function(event){...})}).
     */
    private static String handlerScript(Element element, String handler) {
        if (element.hasAttr(handler)) {
            return element.attr(handler);
        }
        String scripts = element.ownerDocument().select("script").stream().map(Element::data)
                .collect(java.util.stream.Collectors.joining("\n"));
        Matcher start = Pattern.compile("PrimeFaces\\.csp\\.register\\(\\s*[\"']" + Pattern.quote(element.id())
                + "[\"']\\s*,\\s*[\"']" + handler + "[\"']").matcher(scripts);
        if (!start.find()) {
            throw new AssertionError("no " + handler + " for #" + element.id() + " in the page's scripts");
        }
        int next = scripts.indexOf("PrimeFaces.csp.register(", start.end());
        return scripts.substring(start.start(), next < 0 ? scripts.length() : next);
    }

    private static final AtomicInteger CREATED_USERS = new AtomicInteger();
    private static String lastUsername;

    private static String nextUsername() {
        return "hostile.created." + CREATED_USERS.incrementAndGet() + "." + admin().target.id();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Checks shared by every case

    /** Markup typed must come back as text: never as an element, never raw in the HTML or in a partial response. */
    private static void assertNothingUnescaped(Answer answer, String value) {
        if (value.contains("<") || value.contains("\"")) {
            assertThat(answer.body()).doesNotContain(value.strip());
        }
        assertThat(answer.body()).doesNotContain("<script>alert(").doesNotContain("<img src=x onerror");
        assertThat(answer.document().select("[onerror]")).isEmpty();
        assertThat(answer.document().select("script").stream().map(Element::data))
                .noneMatch(script -> script.contains("alert('soglia')"));
        assertThat(answer.body()).as("raw control characters in the answer")
                .doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]"); // what XML forbids
    }

    private static final String CONTROL_CHARACTER = "'\\p{Cc}'";

    /** No account and no audit entry holds a control character, whatever was typed. */
    private static void assertNoStoredControlCharacters() {
        assertThat(server.database().column("select username from account where regexp_like(username || ' '"
                + " || display_name || ' ' || coalesce(email, '') || ' ' || language, " + CONTROL_CHARACTER + ")"))
                .as("accounts with control characters").isEmpty();
        assertThat(server.database().column("select id from audit_event where regexp_like(coalesce(actor, '') || ' '"
                + " || coalesce(subject, '') || ' ' || coalesce(detail, ''), " + CONTROL_CHARACTER + ")"))
                .as("audit events with control characters").isEmpty();
    }

    /** Every account row, reset token and recovery code as stored, one line each. */
    private static List<String> storedState() {
        List<String> rows = new ArrayList<>();
        try (Connection c = server.database().connect(); Statement statement = c.createStatement()) {
            for (String table : List.of("account", "reset_token", "recovery_code")) {
                try (ResultSet rs = statement.executeQuery("select * from " + table + " order by id")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= columns; i++) {
                            row.append(" | ").append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static long outboxSize() {
        return Long.parseLong(server.database().column("select count(*) from mail_outbox").get(0));
    }

    private static String excerpt(String body) {
        return body.length() > 3000 ? body.substring(0, 3000) + "…" : body;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Fixtures: one set of accounts and sessions per group of fields, made when the group first needs them

    /** A browser between the password and the code, kept there: signed in again if the sign-in timed out. */
    private static final class MidSignIn {
        final TestAccount account;
        final WebSession session = steps.newSession();
        String password;

        MidSignIn(TestAccount account) {
            this.account = account;
            this.password = account.password();
        }

        Page open(String path) {
            Page page = session.get(path);
            if (!page.path().equals("/soglia" + path)) {
                steps.password(session, account.username(), password);
                page = session.get(path);
            }
            assertThat(page.path()).as("fixture on " + path).isEqualTo("/soglia" + path);
            return page;
        }
    }

    /** A signed-in browser on its profile. */
    private static final class SignedIn {
        final TestAccount account;
        final WebSession session = steps.newSession();
        String password;

        SignedIn(TestAccount account) {
            this.account = account;
            this.password = account.password();
            steps.enrol(session, account);
        }
    }

    /** A signed-in admin and the user whose page they edit. */
    private static final class Admin {
        final WebSession session = steps.newSession();
        final TestAccount target = accounts.create("hostile-edited");

        Admin() {
            steps.enrol(session, accounts.create("hostile-admin", "ADMIN", true));
        }
    }

    private static WebSession anonymous;
    private static TestAccount loginAccount;
    private static MidSignIn midSignIn;
    private static MidSignIn firstAccess;
    private static MidSignIn initialPassword;
    private static SignedIn profile;
    private static Admin admin;
    private static String resetToken;

    private static WebSession anonymous() {
        if (anonymous == null) {
            anonymous = new WebSession(server.baseUrl(), HttpClient.Version.HTTP_1_1);
        }
        return anonymous;
    }

    private static TestAccount loginAccount() {
        if (loginAccount == null) {
            loginAccount = accounts.create("hostile-login");
        }
        return loginAccount;
    }

    /** Enrolled, with an email: on the code prompt, the recovery-code prompt and the lost-code page. */
    private static MidSignIn midSignIn() {
        if (midSignIn == null) {
            TestAccount account = accounts.create("hostile-code");
            steps.enrol(steps.newSession(), account);
            midSignIn = new MidSignIn(account);
        }
        return midSignIn;
    }

    /** Never enrolled: on the first-access page. */
    private static MidSignIn firstAccess() {
        if (firstAccess == null) {
            firstAccess = new MidSignIn(accounts.create("hostile-enrol"));
        }
        return firstAccess;
    }

    /** Created by an admin: must replace the initial password first. */
    private static MidSignIn initialPassword() {
        if (initialPassword == null) {
            TestAccount account = accounts.create("hostile-initial");
            accounts.requirePasswordChange(account);
            initialPassword = new MidSignIn(account);
        }
        return initialPassword;
    }

    private static SignedIn profile() {
        if (profile == null) {
            profile = new SignedIn(accounts.create("hostile-profile"));
        }
        return profile;
    }

    private static Admin admin() {
        if (admin == null) {
            admin = new Admin();
        }
        return admin;
    }

    /** A real, unused reset link of an enrolled account; every case leaves it usable. */
    private static String resetToken() {
        if (resetToken == null) {
            TestAccount account = accounts.create("hostile-reset");
            steps.enrol(steps.newSession(), account);
            steps.askResetLink(steps.newSession(), account, account.email());
            String path = server.mail().awaitResetLink(account.email()).resetPath();
            resetToken = path.substring(path.indexOf("token=") + "token=".length());
        }
        return resetToken;
    }
}
