package it.soglia.admin;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admins' actions on one user, through the real pages: reset, unlock, disable, and what each leaves behind. */
class AdminIT extends PageTest {

    private static WebSession signedInAdmin() {
        TestAccount admin = accounts.create("admin", "ADMIN", true);
        WebSession session = steps.newSession();
        steps.enrol(session, admin);
        return session;
    }

    @Test
    void anAdminResetPutsTheUserBackToFirstAccessWithTheReasonInTheAuditLog() {
        TestAccount user = accounts.create("adminreset");
        steps.enrol(steps.newSession(), user);
        WebSession admin = signedInAdmin();
        Page page = admin.get("/admin/user?username=" + user.username());
        assertThat(page.text("user:reset2fa")).isEqualTo("Resetta autenticazione a due fattori");

        Page after = admin.submit(page, "user", Map.of("reason", "telefono smarrito, ticket 4711"), "user:confirmReset");

        assertThat(after.messages()).contains("reimpostata");
        assertThat(after.text("user-two-factor")).isEqualTo("Non attivata");
        assertThat(accounts.column(user, "two_factor_state")).isEqualTo("NOT_ENROLLED");
        assertThat(server.database().column("select detail from audit_event where subject = ? and type = 'TWO_FACTOR_RESET'",
                user.username())).containsExactly("by ADMIN: telefono smarrito, ticket 4711");
        server.mail().awaitContaining(user.email(), "da un amministratore");
        Page enrol = steps.password(steps.newSession(), user.username(), user.password());
        assertThat(enrol.path()).isEqualTo("/soglia/enroll");
    }

    /** Post-redirect-get: reloading the page after an action shows the account again, it does not act twice. */
    @Test
    void afterAnActionTheUsersPageIsShownAfreshSoAReloadDoesNotRepeatIt() {
        TestAccount user = accounts.create("reloaded");
        steps.enrol(steps.newSession(), user);
        WebSession admin = signedInAdmin();

        Page after = admin.submit(admin.get("/admin/user?username=" + user.username()), "user", Map.of(),
                "user:confirmReset");

        assertThat(after.uri().getPath() + "?" + after.uri().getQuery())
                .isEqualTo("/soglia/admin/user?username=" + user.username());
        assertThat(after.messages()).contains("reimpostata"); // carried over the redirect
        Page reloaded = admin.get("/admin/user?username=" + user.username());
        assertThat(reloaded.messages()).isEmpty();
        assertThat(accounts.auditTypes(user).stream().filter("TWO_FACTOR_RESET"::equals).count()).isEqualTo(1);
    }

    @Test
    void resettingAUserWhoNeverEnrolledChangesNothingAndSendsNoMail() {
        TestAccount user = accounts.create("neverenrolled");
        WebSession admin = signedInAdmin();
        Page page = admin.get("/admin/user?username=" + user.username());
        List<String> rowBefore = accountRow(user);

        Page after = admin.submit(page, "user", Map.of("reason", "prova"), "user:confirmReset");

        assertThat(after.messages()).contains("non c’è nulla da reimpostare");
        assertThat(accounts.auditTypes(user)).doesNotContain("TWO_FACTOR_RESET");
        assertThat(accountRow(user)).as("the account's row").isEqualTo(rowBefore);
        assertThat(server.database().column("select count(*) from mail_outbox where recipient = ?", user.email()))
                .as("mails queued for the user").containsExactly("0"); // the outbox keeps a row for each mail, sent or not
        assertThat(server.mail().to(user.email())).isEmpty();
        assertThat(steps.password(steps.newSession(), user.username(), user.password()).path())
                .isEqualTo("/soglia/enroll"); // first access, as before
    }

    /** What a reset would touch in the account's row, and the authenticator's secret it would erase. */
    private static List<String> accountRow(TestAccount user) {
        return java.util.stream.Stream.concat(
                List.of("two_factor_state", "updated_at", "version", "code_failures").stream()
                        .map(column -> column + "=" + accounts.column(user, column)),
                java.util.stream.Stream.of("secret=" + accounts.authenticatorColumn(user, "secret"))).toList();
    }

    @Test
    void anAdminUnlocksALockedCodeStep() {
        TestAccount user = accounts.create("unlock");
        String key = steps.enrol(steps.newSession(), user);
        WebSession session = steps.newSession();
        Page page = steps.password(session, user.username(), user.password());
        for (int i = 0; i < 5; i++) {
            page = steps.code(session, page, Codes.wrongCode(key, server.clock().now()));
        }
        assertThat(page.messages()).contains("bloccata fino alle");
        WebSession admin = signedInAdmin();

        Page userPage = admin.get("/admin/user?username=" + user.username());
        Page after = admin.submit(userPage, "user", Map.of(), "user:unlock");

        assertThat(after.messages()).contains("Accesso sbloccato per " + user.username() + " (password e codice)");
        Page profile = steps.code(session, page, Codes.code(key, server.clock().now(), 1));
        assertThat(profile.path()).isEqualTo("/soglia/profile");
        assertThat(accounts.auditTypes(user)).contains("CODE_UNLOCKED");
    }

    @Test
    void aDisabledUserCanNoLongerSignInAndTheirSessionEnds() {
        TestAccount user = accounts.create("disable");
        WebSession userSession = steps.newSession();
        steps.enrol(userSession, user);
        WebSession admin = signedInAdmin();

        Page after = admin.submit(admin.get("/admin/user?username=" + user.username()), "user", Map.of(), "user:disable");

        assertThat(after.text("user-status")).isEqualTo("Disattivato");
        assertThat(userSession.get("/profile").path()).isEqualTo("/soglia/login");
        Page login = steps.password(steps.newSession(), user.username(), user.password());
        assertThat(login.messages()).isEqualTo("Nome utente o password non validi.");
        assertThat(accounts.auditTypes(user)).contains("ACCOUNT_DISABLED");
    }

    @Test
    void anAdminCannotDisableThemself() {
        TestAccount adminAccount = accounts.create("selfadmin", "ADMIN", true);
        WebSession admin = steps.newSession();
        steps.enrol(admin, adminAccount);
        Page page = admin.get("/admin/user?username=" + adminAccount.username());

        assertThat(page.byId("user:disable").orElseThrow().hasAttr("disabled")).isTrue();
        Page after = admin.submit(page, "user", Map.of(), "user:disable");
        assertThat(accounts.column(adminAccount, "enabled")).isEqualTo("TRUE");
        assertThat(after.has("user-status")).isTrue();
    }

    @Test
    void adminActionsNeedAFreshSignInOrThePasswordAgain() {
        TestAccount user = accounts.create("staleadmin");
        steps.enrol(steps.newSession(), user);
        TestAccount adminAccount = accounts.create("staleadmin-admin", "ADMIN", true);
        WebSession admin = steps.newSession();
        steps.enrol(admin, adminAccount);
        server.clock().advance(Duration.ofMinutes(11));
        Page page = admin.get("/admin/user?username=" + user.username());
        assertThat(page.has("stepup")).isTrue();

        Page refused = admin.submit(page, "user", Map.of(), "user:confirmReset");
        assertThat(refused.messages()).contains("inserisci di nuovo la tua password");
        assertThat(accounts.column(user, "two_factor_state")).isEqualTo("ACTIVE");

        assertThat(admin.get("/admin/users").has("stepup")).isTrue();
        assertThat(admin.get("/admin/mails").has("stepup")).isTrue();

        Page confirmed = admin.submit(refused, "stepup", Map.of("password", adminAccount.password()), "stepup:submit");
        assertThat(confirmed.has("stepup")).isFalse();
        admin.submit(confirmed, "user", Map.of(), "user:confirmReset");
        assertThat(accounts.column(user, "two_factor_state")).isEqualTo("NOT_ENROLLED");
    }

    @Test
    void anUnknownUserPageIsNotFound() {
        Page page = signedInAdmin().get("/admin/user?username=nobody-by-this-name");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.has("not-found")).isTrue();
    }

    @Test
    void usersGetTheNotFoundPageOnEveryAdminPage() {
        TestAccount user = accounts.create("plainuser");
        WebSession session = steps.newSession();
        steps.enrol(session, user);

        for (String path : new String[] {"/admin/users", "/admin/audit", "/admin/user?username=" + user.username()}) {
            Page page = session.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.has("users:table")).isFalse();
        }
    }

    @Test
    void theBootstrapAdminFromTheConfigurationSignsInAndEnrols() {
        WebSession session = steps.newSession();

        Page enrol = steps.password(session, SogliaServer.BOOTSTRAP_ADMIN, SogliaServer.BOOTSTRAP_ADMIN_PASSWORD);

        // No other test signs in as the bootstrap admin, and every run starts from an empty database.
        assertThat(enrol.path()).isEqualTo("/soglia/enroll");
        assertThat(server.database().column("select role from account where username = ?", SogliaServer.BOOTSTRAP_ADMIN))
                .containsExactly("ADMIN");
        Page codes = steps.code(session, enrol, Codes.code(SignInSteps.keyOn(enrol), server.clock().now(), 0));
        assertThat(codes.path()).isEqualTo("/soglia/recovery-codes");
        Page profile = steps.acknowledgeRecoveryCodes(session, codes);
        assertThat(profile.path()).isEqualTo("/soglia/profile");
        assertThat(server.database().column("select two_factor_state from account where username = ?",
                SogliaServer.BOOTSTRAP_ADMIN)).containsExactly("ACTIVE");
        Page users = session.get("/admin/users");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.has("users:table")).isTrue(); // and it is an admin in the pages too
    }

    @Test
    void anAdminEditsNameEmailAndRoleAndTheChangeIsAudited() {
        TestAccount user = accounts.create("editme");
        WebSession admin = signedInAdmin();
        Page page = admin.get("/admin/user?username=" + user.username());

        Page saved = admin.submit(page, "edit", Map.of("name", "Nome Nuovo", "email", "nuovo." + user.email(),
                "role_input", "ADMIN"), "edit:save");

        assertThat(saved.messages()).contains("salvati");
        assertThat(accounts.column(user, "display_name")).isEqualTo("Nome Nuovo");
        assertThat(accounts.column(user, "role")).isEqualTo("ADMIN");
        assertThat(server.database().column("select detail from audit_event where subject = ? and type = 'ACCOUNT_CHANGED'",
                user.username())).containsExactly("name, email, role USER -> ADMIN");

        Page bad = admin.submit(saved, "edit", Map.of("name", "Nome", "email", "a@b\r\nBcc: x@evil.test"), "edit:save");
        assertThat(bad.messages()).contains("non è valido");
        assertThat(accounts.column(user, "email")).isEqualTo("nuovo." + user.email());
    }

    /** As when the owner changes it: the reset links go to the email, so a moved address must not go unnoticed. */
    @Test
    void anAdminChangingAUsersEmailTellsTheOldAndTheNewAddress() {
        TestAccount user = accounts.create("adminemail");
        WebSession admin = signedInAdmin();
        String newEmail = "nuova." + user.email();

        Page saved = admin.submit(admin.get("/admin/user?username=" + user.username()), "edit",
                Map.of("email", newEmail), "edit:save");

        assertThat(saved.messages()).contains("salvati");
        for (String address : List.of(user.email(), newEmail)) {
            var notice = server.mail().awaitContaining(address, "un amministratore");
            assertThat(notice.subject()).isEqualTo("Soglia: l’indirizzo email del tuo account è cambiato");
            assertThat(notice.text()).contains(user.username()).contains(newEmail).contains(admin.clientAddress());
        }
        assertThat(server.database().column("select detail from audit_event where subject = ? and type = 'ACCOUNT_CHANGED'",
                user.username())).containsExactly("email");
    }

    /** Without an email the owner can no longer ask for a reset link: the address that was theirs hears of it. */
    @Test
    void anAdminRemovingAUsersEmailTellsTheOldAddress() {
        TestAccount user = accounts.create("adminnoemail");
        WebSession admin = signedInAdmin();

        admin.submit(admin.get("/admin/user?username=" + user.username()), "edit", Map.of("email", ""), "edit:save");

        assertThat(accounts.column(user, "email")).isNull();
        var notice = server.mail().awaitContaining(user.email(), "un amministratore");
        assertThat(notice.subject()).isEqualTo("Soglia: l’indirizzo email del tuo account è stato tolto");
        assertThat(notice.text()).contains(user.username());
    }

    @Test
    void anAdminCannotChangeTheirOwnRole() {
        TestAccount adminAccount = accounts.create("ownrole", "ADMIN", true);
        WebSession admin = steps.newSession();
        steps.enrol(admin, adminAccount);
        Page page = admin.get("/admin/user?username=" + adminAccount.username());

        admin.submit(page, "edit", Map.of("name", "Me", "role_input", "USER"), "edit:save");

        assertThat(accounts.column(adminAccount, "role")).isEqualTo("ADMIN");
    }

    @Test
    void aMailThatFailedForGoodIsListedAndCanBeSentAgain() {
        TestAccount user = accounts.create("resend");
        steps.enrol(steps.newSession(), user);
        server.mail().awaitContaining(user.email(), "è stata collegata"); // the enrolment notice, before SMTP goes down
        server.mail().stop();
        try {
            steps.askResetLink(steps.newSession(), user, user.email());
            server.database().await("select status from mail_outbox where recipient = ? and kind = 'RESET_LINK'",
                    user.email(), "FAILED"::equals);
        } finally {
            server.mail().start();
        }
        WebSession admin = signedInAdmin();

        Page mails = admin.get("/admin/mails");
        var row = mails.document().select("[id='mails:table_data'] tr").stream()
                .filter(tr -> tr.text().contains(user.email()) && tr.text().contains("link per reimpostare"))
                .findFirst().orElseThrow();
        assertThat(row.text()).contains("Exception");
        String button = row.select("button").attr("name");
        admin.submit(mails, "mails", Map.of(), button);

        assertThat(server.mail().awaitResetLink(user.email()).resetLink()).contains("/reset?token=");
    }

    @Test
    void theUsersAndTheAuditLogExportAsCsvWithFormulasDefused() {
        TestAccount user = accounts.create("csv");
        steps.enrol(steps.newSession(), user);
        WebSession admin = signedInAdmin();
        Page users = admin.get("/admin/users");
        admin.submit(admin.get("/admin/user?username=" + user.username()), "edit",
                Map.of("name", "=HYPERLINK(\"http://evil.test\")", "email", user.email()), "edit:save");

        var csv = admin.submitRaw(users, "users", Map.of(), "users:export");

        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains("\"" + user.username() + "\"").contains("\"'=HYPERLINK(");
        var audit = admin.submitRaw(admin.get("/admin/audit"), "audit", Map.of(), "audit:export");
        assertThat(audit.body()).startsWith("\uFEFF\"Data e ora (Europe/Rome)\"")
                .contains("\"App di autenticazione collegata\"");
    }

    @Test
    void theAuditLogListsTheEventsOfAnAccount() {
        TestAccount user = accounts.create("audited");
        steps.enrol(steps.newSession(), user);
        WebSession admin = signedInAdmin();

        Page audit = admin.get("/admin/audit");

        assertThat(audit.has("audit:table")).isTrue();
        assertThat(audit.text("audit:table")).contains("App di autenticazione collegata").contains(user.username())
                .doesNotContain("TWO_FACTOR_ENROLLED"); // a label in the admin's language, not the stored constant
    }

    @Test
    void theSearchFindsUsersByAnyPartOfUsernameNameOrEmailIgnoringCaseAndAfterAnEdit() {
        TestAccount second = accounts.create("srchb");
        TestAccount first = accounts.create("srcha");
        WebSession admin = signedInAdmin();
        for (TestAccount account : List.of(first, second)) { // the search must see names changed after creation
            admin.submit(admin.get("/admin/user?username=" + account.username()), "edit",
                    Map.of("name", "Zefira Quattrocchi", "email", account.email()), "edit:save");
        }
        Page users = admin.get("/admin/users");

        assertThat(searchUsers(admin, users, "QUATTROCCHI")).containsExactly(first.username(), second.username());
        assertThat(searchUsers(admin, users, "zefira quattro")).containsExactly(first.username(), second.username());
        assertThat(searchUsers(admin, users, second.username().toUpperCase(java.util.Locale.ROOT)))
                .containsExactly(second.username());
        assertThat(searchUsers(admin, users, "  " + first.email().substring(2) + " ")).containsExactly(first.username());
        // LIKE's wildcards typed in the search are plain characters: "_" is not "any one character"
        assertThat(searchUsers(admin, users, first.username().replace('.', '_'))).isEmpty();
        assertThat(searchUsers(admin, users, "%")).isEmpty();
    }

    @Test
    void textsTooShortForTheSearchIndexAreStillFound() {
        TestAccount account = accounts.create("srchshort");
        WebSession admin = signedInAdmin();
        rename(admin, account, "Jö Qy");
        Page users = admin.get("/admin/users");

        assertThat(searchUsers(admin, users, "QY")).containsExactly(account.username()); // two letters: no index
        assertThat(searchUsers(admin, users, "jö q")).containsExactly(account.username());
        assertThat(searchUsers(admin, users, "ö qy")).containsExactly(account.username());
    }

    @Test
    void textsAcrossSeparatorsAreFound() {
        TestAccount account = accounts.create("srchsep");
        WebSession admin = signedInAdmin();
        rename(admin, account, "Ilaria De Vezzolini");
        Page users = admin.get("/admin/users");

        assertThat(searchUsers(admin, users, "ria de vezz")).containsExactly(account.username());
        assertThat(searchUsers(admin, users, "hsep." + account.username().substring("srchsep.".length())))
                .containsExactly(account.username());
        assertThat(searchUsers(admin, users, account.email().substring(3, account.email().indexOf('@') + 4)))
                .containsExactly(account.username()); // "hsep.12@exa": over '.' and '@'
        assertThat(searchUsers(admin, users, "ria  de vezz")).isEmpty(); // two blanks are not one
        assertThat(searchUsers(admin, users, "ria.de vezz")).isEmpty();
    }

    @Test
    void percentAndUnderscoreAreSearchedAsTheyAre() {
        TestAccount account = accounts.create("srchwild");
        WebSession admin = signedInAdmin();
        rename(admin, account, "Cento%Per_Centovalli");
        try {
            Page users = admin.get("/admin/users");

            assertThat(searchUsers(admin, users, "cento%per_cento")).containsExactly(account.username());
            assertThat(searchUsers(admin, users, "o%p")).containsExactly(account.username());
            assertThat(searchUsers(admin, users, "centoXper_cento")).isEmpty(); // '%' is not "any text"
            assertThat(searchUsers(admin, users, "cento%perXcento")).isEmpty(); // '_' is not "any one character"
            assertThat(searchUsers(admin, users, "cento%%per")).isEmpty();
        } finally {
            rename(admin, account, "Test srchwild"); // the other search test expects no name with a '%'
        }
    }

    @Test
    void afterAnEditTheNewNameIsFoundAndTheOldOneNoLonger() {
        TestAccount account = accounts.create("srchedit");
        WebSession admin = signedInAdmin();
        rename(admin, account, "Ottavia Brunelleschi");
        Page users = admin.get("/admin/users");
        assertThat(searchUsers(admin, users, "brunell")).containsExactly(account.username());

        rename(admin, account, "Ottavia Sforzinelli");

        assertThat(searchUsers(admin, users, "brunell")).isEmpty();
        assertThat(searchUsers(admin, users, "ottavia brun")).isEmpty();
        assertThat(searchUsers(admin, users, "SFORZINEL")).containsExactly(account.username());
        assertThat(searchUsers(admin, users, "ottavia sforz")).containsExactly(account.username());
        assertThat(searchUsers(admin, users, "rzinelli")).containsExactly(account.username());
    }

    @Test
    void afterAnEmailChangeTheNewAddressIsFoundAndTheOldOneNoLonger() {
        TestAccount account = accounts.create("srchmail");
        WebSession admin = signedInAdmin();
        admin.submit(admin.get("/admin/user?username=" + account.username()), "edit",
                Map.of("name", "Test srchmail", "email", "quirino.valpolicella@example.test"), "edit:save");
        Page users = admin.get("/admin/users");

        assertThat(searchUsers(admin, users, "valpolicella@")).containsExactly(account.username());
        assertThat(searchUsers(admin, users, account.email())).isEmpty();
    }

    /** An admin changes the account's name on its page, keeping its email. */
    private static void rename(WebSession admin, TestAccount account, String name) {
        Page saved = admin.submit(admin.get("/admin/user?username=" + account.username()), "edit",
                Map.of("name", name, "email", account.email()), "edit:save");
        assertThat(accounts.column(account, "display_name")).as("saved: %s", saved.messages()).isEqualTo(name);
    }

    /** The usernames in the users table after typing {@code text} in its search field, in the table's order. */
    private static List<String> searchUsers(WebSession admin, Page users, String text) {
        var table = admin.ajax(users, "users", "users:table", Map.of("users:table_filtering", "true",
                "users:table_encodeFeature", "true", "users:table:globalFilter", text));
        return table.select("tr[data-ri] td:first-child a").eachText();
    }
}
