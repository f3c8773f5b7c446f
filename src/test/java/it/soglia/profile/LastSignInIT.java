package it.soglia.profile;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * "Ultimo accesso" on the profile is the sign-in before this one, with its address: the current one tells the user
 * nothing, the one before may tell them that someone else signed in.
 */
class LastSignInIT extends PageTest {

    @Test
    void theProfileShowsTheSignInBeforeThisOne() {
        TestAccount account = accounts.create("lastseen");
        WebSession first = steps.newSession().fromAddress("203.0.113.11");
        String key = steps.enrol(first, account);
        assertThat(first.get("/profile").text("profile-last-sign-in")).isEqualTo("Questo è il tuo primo accesso");

        server.clock().advance(Duration.ofMinutes(1));
        Page second = signIn(steps.newSession().fromAddress("203.0.113.22"), account, key);
        assertThat(second.text("profile-last-sign-in")).endsWith(" da 203.0.113.11");

        server.clock().advance(Duration.ofMinutes(1));
        Page third = signIn(steps.newSession().fromAddress("203.0.113.33"), account, key);
        assertThat(third.text("profile-last-sign-in")).endsWith(" da 203.0.113.22").doesNotContain("203.0.113.33");
        // the admin's page of the account shows the latest one, this one
        assertThat(accounts.column(account, "last_sign_in_ip")).isEqualTo("203.0.113.33");
    }

    private Page signIn(WebSession session, TestAccount account, String key) {
        Page codePage = steps.password(session, account.username(), account.password());
        Page profile = steps.code(session, codePage, Codes.code(key, server.clock().now(), 0));
        assertThat(profile.path()).isEqualTo("/soglia/profile");
        return profile;
    }
}
