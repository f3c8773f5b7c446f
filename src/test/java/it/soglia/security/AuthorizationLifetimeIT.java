package it.soglia.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a signed-in session may do lasts no longer than the account allows: a new role ends its sessions at once, a
 * sign-in ends after {@code soglia.session.max-lifetime} whatever the activity, and no two admins acting at the same
 * moment can leave Soglia without an admin.
 */
class AuthorizationLifetimeIT extends PageTest {

    @Test
    void aDemotedAdminLosesTheAdminPagesInTheSessionAlreadyOpen() {
        TestAccount demoted = accounts.create("demoted", "ADMIN", true);
        TestAccount bystander = accounts.create("bystander");
        WebSession demotedSession = steps.newSession();
        steps.enrol(demotedSession, demoted);
        assertThat(demotedSession.get("/admin/users").has("users:table")).isTrue();
        Page bystanderForm = demotedSession.get("/admin/user?username=" + bystander.username());
        WebSession otherAdmin = signedInAdmin("demoter");

        Page saved = otherAdmin.submit(otherAdmin.get("/admin/user?username=" + demoted.username()), "edit",
                Map.of("role_input", "USER"), "edit:save");
        assertThat(saved.messages()).contains("salvati");

        Page afterDemotion = demotedSession.get("/admin/user?username=" + bystander.username());
        assertThat(afterDemotion.path()).isEqualTo("/soglia/login");
        assertThat(afterDemotion.messages()).contains("La sessione è stata chiusa").contains("ruolo cambiato");
        // the page kept from before cannot promote anyone either: its session is gone
        Page promotion = demotedSession.submit(bystanderForm, "edit", Map.of("role_input", "ADMIN"), "edit:save");
        assertThat(promotion.path()).isEqualTo("/soglia/login");
        assertThat(accounts.column(bystander, "role")).isEqualTo("USER");
        // signed in again, the account is what it now is: a user, without the admin pages
        WebSession again = steps.newSession();
        Page codePage = steps.password(again, demoted.username(), demoted.password());
        assertThat(codePage.path()).isEqualTo("/soglia/code");
    }

    @Test
    void aSignInEndsAfterItsMaximumLifetimeHoweverActiveTheSession() {
        TestAccount account = accounts.create("workday");
        WebSession session = steps.newSession();
        steps.enrol(session, account);
        for (int hour = 0; hour < 7; hour++) { // a user busy all day: a request every hour, never idle
            server.clock().advance(Duration.ofHours(1));
            assertThat(session.get("/profile").path()).isEqualTo("/soglia/profile");
        }
        server.clock().advance(Duration.ofMinutes(59));
        assertThat(session.get("/profile").path()).isEqualTo("/soglia/profile");

        server.clock().advance(Duration.ofMinutes(1)); // eight hours since the code was typed

        Page ended = session.get("/profile");
        assertThat(ended.path()).isEqualTo("/soglia/login");
        assertThat(ended.messages()).isEqualTo("La sessione è durata il tempo massimo consentito: accedi di nuovo.");
        assertThat(session.get("/profile").path()).isEqualTo("/soglia/login");
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        List<Long> othersDisabled = disableEveryOtherAdmin();
        try {
            for (int round = 0; round < 5; round++) {
                TwoAdmins pair = twoAdminsOnEachOthersPage("mutual" + round);

                List<Page> answers = atOnce(pair.first().action("edit", Map.of("role_input", "USER"), "edit:save"),
                        pair.second().action("edit", Map.of("role_input", "USER"), "edit:save"));

                TestAccount first = pair.first().account();
                TestAccount second = pair.second().account();
                assertThat(List.of(accounts.column(first, "role"), accounts.column(second, "role")))
                        .as("round %d", round).containsExactlyInAnyOrder("ADMIN", "USER");
                // one saved; the other refused, or ended first: the winner's change ended the loser's session
                assertThat(answers).extracting(Page::messages).as("round %d", round)
                        .filteredOn(m -> m.matches("Dati di mutual" + "\\S+ salvati\\.")).hasSize(1);
                assertThat(answers).extracting(Page::messages).as("round %d", round)
                        .filteredOn(m -> m.equals("È l’ultimo amministratore: nomina prima un altro amministratore.")
                                || m.startsWith("La sessione è stata chiusa")).hasSize(1);
                disable(first, second); // out of the way of the next round
            }
        } finally {
            enable(othersDisabled);
        }
    }

    @Test
    void twoAdminsDisablingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        List<Long> othersDisabled = disableEveryOtherAdmin();
        try {
            for (int round = 0; round < 5; round++) {
                TwoAdmins pair = twoAdminsOnEachOthersPage("offeach" + round);

                atOnce(pair.first().action("user", Map.of(), "user:disable"),
                        pair.second().action("user", Map.of(), "user:disable"));

                TestAccount first = pair.first().account();
                TestAccount second = pair.second().account();
                assertThat(List.of(accounts.column(first, "enabled"), accounts.column(second, "enabled")))
                        .as("round %d", round).containsExactlyInAnyOrder("TRUE", "FALSE");
                disable(first, second);
            }
        } finally {
            enable(othersDisabled);
        }
    }

    /** An admin signed in, on the page of the other admin of the pair. */
    private record AdminOnPage(TestAccount account, WebSession session, Page otherAdminsPage) {

        java.util.concurrent.Callable<Page> action(String form, Map<String, String> fields, String button) {
            return () -> session.submit(otherAdminsPage, form, fields, button);
        }
    }

    private record TwoAdmins(AdminOnPage first, AdminOnPage second) {
    }

    /** Two new admins, the only enabled ones, each signed in and looking at the other's page. */
    private TwoAdmins twoAdminsOnEachOthersPage(String prefix) {
        TestAccount first = accounts.create(prefix + "a", "ADMIN", true);
        TestAccount second = accounts.create(prefix + "b", "ADMIN", true);
        setEnabledOnlyAdmins(first, second);
        WebSession firstSession = steps.newSession();
        steps.enrol(firstSession, first);
        WebSession secondSession = steps.newSession();
        steps.enrol(secondSession, second);
        return new TwoAdmins(
                new AdminOnPage(first, firstSession, firstSession.get("/admin/user?username=" + second.username())),
                new AdminOnPage(second, secondSession, secondSession.get("/admin/user?username=" + first.username())));
    }

    @SafeVarargs
    private static List<Page> atOnce(java.util.concurrent.Callable<Page>... requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.length);
        CyclicBarrier start = new CyclicBarrier(requests.length);
        try {
            List<Future<Page>> futures = new ArrayList<>();
            for (var request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            List<Page> pages = new ArrayList<>();
            for (Future<Page> future : futures) {
                pages.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return pages;
        } finally {
            pool.shutdownNow();
        }
    }

    private WebSession signedInAdmin(String name) {
        TestAccount admin = accounts.create(name, "ADMIN", true);
        WebSession session = steps.newSession();
        steps.enrol(session, admin);
        return session;
    }

    /** The test database holds the admins of other tests too: only this test's two may count, for a while. */
    private List<Long> disableEveryOtherAdmin() {
        List<Long> ids = server.database().column("select id from account where role = 'ADMIN' and enabled = true")
                .stream().map(Long::valueOf).toList();
        ids.forEach(id -> execute("update account set enabled = false where id = ?", id));
        return ids;
    }

    private void setEnabledOnlyAdmins(TestAccount... admins) {
        for (TestAccount admin : admins) {
            execute("update account set enabled = true where id = ?", admin.id());
        }
    }

    private void disable(TestAccount... admins) {
        for (TestAccount admin : admins) {
            execute("update account set enabled = false, role = 'ADMIN' where id = ?", admin.id());
        }
    }

    private void enable(List<Long> ids) {
        ids.forEach(id -> execute("update account set enabled = true where id = ?", id));
    }

    private void execute(String sql, long id) {
        try (Connection c = server.database().connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
