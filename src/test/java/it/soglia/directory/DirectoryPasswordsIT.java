package it.soglia.directory;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestDirectory;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Directory passwords against a real OpenLDAP (slapd, {@link TestDirectory}, seeded from
 * src/test/resources/directory/people.ldif) through Soglia's real pages: accounts made and refreshed from the
 * directory, renamed users, the admin group, disabled users, the local account that keeps its username, an outage.
 */
class DirectoryPasswordsIT extends PageTest {

    private static final String FAILED = "Nome utente o password non validi.";
    private static final String SLOWED = "Troppi tentativi non riusciti.";
    private static final String DIRECTORY_DOWN = "La directory aziendale non risponde";

    private static TestAccount directoryUser(String uid, String password, String email) {
        return new TestAccount(0, uid, password, email);
    }

    private static String row(String column, String username) {
        return server.database().column("select " + column + " from account where username = ?", username).get(0);
    }

    @Test
    void theFirstRightDirectoryPasswordMakesTheAccountFromTheDirectory() {
        Page enrol = steps.password(steps.newSession(), "dir.paolo", "paolo-directory-2026");

        assertThat(enrol.path()).isEqualTo("/soglia/enroll"); // first access: the QR code
        assertThat(row("password_source", "dir.paolo")).isEqualTo("DIRECTORY");
        assertThat(row("directory_id", "dir.paolo")).matches("[0-9a-f-]{36}"); // OpenLDAP's entryUUID
        assertThat(row("display_name", "dir.paolo")).isEqualTo("Paolo Neri");
        assertThat(row("email", "dir.paolo")).isEqualTo("paolo.neri@example.test");
        assertThat(row("role", "dir.paolo")).isEqualTo("USER");
        assertThat(server.database().column("select type from audit_event where subject = ? order by id", "dir.paolo"))
                .containsSubsequence("ACCOUNT_CREATED", "SIGN_IN_PASSWORD_OK");
    }

    @Test
    void aWrongPasswordAnUnknownUserAndAUserDisabledInTheDirectoryGetTheSameAnswer() {
        String wrong = steps.password(steps.newSession(), "dir.paolo", "not-paolos-password").messages();
        String unknown = steps.password(steps.newSession(), "dir.nobody", "whatever-password").messages();
        String disabled = steps.password(steps.newSession(), "dir.carla", "carla-directory-2026").messages();

        assertThat(List.of(wrong, unknown, disabled)).containsOnly(FAILED);
        assertThat(server.database().column("select detail from audit_event where type = 'SIGN_IN_PASSWORD_FAILED'"
                + " and subject = ?", "dir.carla")).contains("disabled in the directory");
        assertThat(server.database().column("select count(*) from account where username_key = ?", "dir.carla"))
                .containsExactly("0"); // no account for a user the directory disabled
    }

    @Test
    void aUserRenamedInTheDirectoryKeepsTheAccountAndTheSecondFactor() throws Exception {
        String key = steps.enrol(steps.newSession(), directoryUser("dir.roberto", "roberto-directory-2026", null));
        String id = row("id", "dir.roberto");

        server.directory().rename("dir.roberto", "dir.roberto.new");
        try {
            WebSession session = steps.newSession();
            Page code = steps.password(session, "dir.roberto.new", "roberto-directory-2026");

            assertThat(code.path()).isEqualTo("/soglia/code"); // not the QR code: the same authenticator
            assertThat(steps.code(session, code, Codes.code(key, server.clock().now(), 1)).path())
                    .isEqualTo("/soglia/profile");
            assertThat(row("id", "dir.roberto.new")).isEqualTo(id);
            assertThat(steps.password(steps.newSession(), "dir.roberto", "roberto-directory-2026").messages())
                    .isEqualTo(FAILED); // the old name is nobody now
        } finally {
            server.directory().rename("dir.roberto.new", "dir.roberto");
        }
    }

    @Test
    void aUserDisabledInTheDirectoryLosesTheOpenSessionAndCannotSignIn() throws Exception {
        WebSession session = steps.newSession();
        steps.enrol(session, directoryUser("dir.anna", "anna-directory-2026", null));
        assertThat(session.get("/profile").path()).isEqualTo("/soglia/profile");

        server.directory().disable("dir.anna");
        try {
            server.clock().advance(Duration.ofMinutes(2)); // past soglia.ldap.session-check-interval (1 minute)

            Page next = session.get("/profile");

            assertThat(next.path()).isEqualTo("/soglia/login");
            assertThat(server.database().column("select type from audit_event where subject = ?", "dir.anna"))
                    .contains("DIRECTORY_USER_GONE");
            assertThat(steps.password(steps.newSession(), "dir.anna", "anna-directory-2026").messages())
                    .isEqualTo(FAILED);
        } finally {
            server.directory().enable("dir.anna");
        }
    }

    @Test
    void aLocalAccountKeepsItsUsernameBesideADirectoryUserOfTheSameName() throws Exception {
        TestAccount local = accounts.create("twin");
        server.directory().addPerson(local.username(), "twin-directory-password");

        assertThat(steps.password(steps.newSession(), local.username(), "twin-directory-password").messages())
                .isEqualTo(FAILED); // never matched to the local account by username
        assertThat(steps.password(steps.newSession(), local.username(), local.password()).path())
                .isEqualTo("/soglia/enroll");
        assertThat(accounts.column(local, "password_source")).isEqualTo("LOCAL");
        assertThat(accounts.column(local, "directory_id")).isNull();
    }

    @Test
    void aDirectoryThatDoesNotAnswerIsSaidAndAuditedAndLocalAccountsStillSignIn() throws Exception {
        TestAccount local = accounts.create("beside");
        server.directory().stop();
        try {
            Page refused = steps.password(steps.newSession(), "dir.bruno", "bruno-directory-2026");

            assertThat(refused.path()).isEqualTo("/soglia/login");
            assertThat(refused.messages()).startsWith(DIRECTORY_DOWN);
            assertThat(server.database().column("select type from audit_event where subject = ?", "dir.bruno"))
                    .contains("DIRECTORY_UNAVAILABLE");
            assertThat(steps.password(steps.newSession(), local.username(), local.password()).path())
                    .isEqualTo("/soglia/enroll");
        } finally {
            server.directory().resume();
        }
        assertThat(steps.password(steps.newSession(), "dir.bruno", "bruno-directory-2026").path())
                .isEqualTo("/soglia/enroll"); // back: the pool replaced its dead connections
    }

    @Test
    void directoryUsersAreSlowedDownAsLocalOnesAndAnUnknownNameAsAKnownOne() {
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            known.add(steps.password(steps.newSession(), "dir.bruno", "wrong-" + i).messages());
            unknown.add(steps.password(steps.newSession(), "dir.ghost", "wrong-" + i).messages());
        }

        assertThat(unknown).isEqualTo(known);
        assertThat(known.subList(0, 3)).containsOnly(FAILED);
        assertThat(known.get(3)).startsWith(SLOWED);
        server.clock().advance(Duration.ofMinutes(2)); // the right password after the wait ends the series
        assertThat(steps.password(steps.newSession(), "dir.bruno", "bruno-directory-2026").path())
                .isIn("/soglia/enroll", "/soglia/code");
    }

    @Test
    void theAdminGroupGivesTheAdminRoleAndTheProfileSaysWhereToChangeTheDirectoryPassword() {
        WebSession session = steps.newSession();
        steps.enrol(session, directoryUser("dir.giulia", "giulia-directory-2026", null));
        Page profile = session.get("/profile");

        assertThat(row("role", "dir.giulia")).isEqualTo("ADMIN");
        assertThat(profile.has("password")).isFalse(); // no form: Soglia does not change directory passwords
        assertThat(profile.text("directory-password")).contains("directory aziendale");
        assertThat(profile.byId("password-help").orElseThrow().attr("href")).isEqualTo("https://password.example.test");
        assertThat(profile.has("email")).isTrue(); // the email form stays (the directory's email wins at sign-in)
    }
}
