package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.account.Role;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an admin may register as an application: the addresses a code may be sent to above all. */
class ClientDraftTest {

    @Test
    void aDraftWithAnHttpsAddressAndAnIdOfLettersHasNoProblem() {
        assertThat(draft("intranet.hr-1", List.of("https://hr.example/cb", "https://hr.example/cb2"),
                List.of("https://hr.example/bye")).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/cb", "http://127.0.0.1/cb", "http://[::1]:9/cb",
            "HTTPS://hr.example/cb"})
    void loopbackHttpAndHttpsAreAccepted(String uri) {
        assertThat(draft("app", List.of(uri), List.of()).problems()).isEmpty();
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedForItsOwnReason() {
        assertThat(draft("app", List.of("http://hr.example/cb"), List.of()).problems())
                .containsExactly(new ClientDraft.Problem("clients.problem.http", "http://hr.example/cb"));
        assertThat(draft("app", List.of("https://hr.example/cb"), List.of("http://10.0.0.1/bye")).problems())
                .containsExactly(new ClientDraft.Problem("clients.problem.http", "http://10.0.0.1/bye"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hr.example/cb#frag", "https://*.example/cb", "/cb", "hr.example/cb",
            "myapp://cb", "javascript:alert(1)", "https://hr.example/c b", "https:///cb"})
    void anAddressThatIsNotAnAbsoluteHttpsUriWithoutFragmentOrWildcardIsRefused(String uri) {
        assertThat(draft("app", List.of(uri), List.of()).problems())
                .containsExactly(new ClientDraft.Problem("clients.problem.uri", uri));
    }

    @Test
    void anOverlongAddressIsRefused() {
        String uri = "https://hr.example/" + "a".repeat(1000);
        assertThat(draft("app", List.of(uri), List.of()).problems()).extracting(ClientDraft.Problem::key)
                .containsExactly("clients.problem.uri");
    }

    @Test
    void nameIdAndAtLeastOneRedirectAreRequiredAndAtMostTenAddresses() {
        assertThat(new ClientDraft(" ", "ab", List.of(), List.of(), Set.of()).problems())
                .extracting(ClientDraft.Problem::key)
                .containsExactly("clients.problem.name", "clients.problem.client-id", "clients.problem.no-redirect");
        assertThat(draft("-app", List.of("https://a.example/cb"), List.of()).problems())
                .extracting(ClientDraft.Problem::key).containsExactly("clients.problem.client-id");
        assertThat(draft("app with space", List.of("https://a.example/cb"), List.of()).problems())
                .extracting(ClientDraft.Problem::key).containsExactly("clients.problem.client-id");
        List<String> eleven = Collections.nCopies(11, "https://a.example/cb");
        assertThat(draft("app", eleven, List.of()).problems()).extracting(ClientDraft.Problem::key)
                .containsExactly("clients.problem.too-many");
        assertThat(draft("app", Collections.nCopies(10, "https://a.example/cb"), List.of()).problems()).isEmpty();
    }

    @Test
    void aTextAreaGivesOneAddressPerLineWithoutBlanksOrRepeats() {
        assertThat(ClientDraft.linesOf("  https://a.example/cb \n\n\r\nhttps://b.example/cb\nhttps://a.example/cb"))
                .containsExactly("https://a.example/cb", "https://b.example/cb");
        assertThat(ClientDraft.linesOf(null)).isEmpty();
    }

    private static ClientDraft draft(String clientId, List<String> redirects, List<String> postLogout) {
        return new ClientDraft("HR", clientId, redirects, postLogout, Set.of(Role.USER));
    }
}
