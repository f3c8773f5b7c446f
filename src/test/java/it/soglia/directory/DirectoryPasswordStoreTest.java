package it.soglia.directory;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.account.PasswordHashing;
import it.soglia.account.Role;
import it.soglia.account.TypedPassword;
import it.soglia.audit.RequestOrigin;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directory's identity store spends one password hash on every answer, as the local store does (an unknown
 * username must not answer sooner), lets the local store alone decide for local accounts, and says which refusal it
 * was for the audit row. Against UnboundID's in-memory directory; the database parts are stand-ins.
 */
class DirectoryPasswordStoreTest {

    private static final RequestOrigin ORIGIN = new RequestOrigin("192.0.2.1", "test");

    private InMemoryDirectory server;
    private LdapDirectory connections;
    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private Optional<Account> localAccount = Optional.empty();
    private DirectoryPasswordStore store;

    @BeforeEach
    void start() throws Exception {
        server = new InMemoryDirectory();
        connections = new LdapDirectory(server.settings());
        DirectoryPasswords passwords = new DirectoryPasswords(server.settings(), connections);
        store = new DirectoryPasswordStore();
        store.directory = new Directory() {
            @Override
            public synchronized DirectoryPasswords passwords() {
                return passwords;
            }
        };
        store.passwords = new PasswordHashing() {
            @Override
            public boolean matchesNothing(String password) {
                hashes.incrementAndGet();
                return false;
            }
        };
        store.accounts = new AccountService() {
            @Override
            public Optional<Account> findByUsername(String username) {
                return localAccount;
            }
        };
        store.directoryAccounts = new DirectoryAccounts() {
            @Override
            public Outcome signedIn(DirectoryUser user, boolean admin, RequestOrigin origin) {
                created.incrementAndGet();
                return new Outcome(Optional.of(Account.fromDirectory(user.stableId(), user.username(),
                        user.displayName(), user.email(), admin ? Role.ADMIN : Role.USER, Instant.now())), null);
            }

            @Override
            public void unavailable(String username, RequestOrigin origin, String why) {
            }
        };
    }

    @AfterEach
    void stop() {
        connections.close();
        server.close();
    }

    private TypedPassword typed(String username, String password) {
        return new TypedPassword(username, password, ORIGIN);
    }

    @Test
    void everyAnswerCostsOneHashWhetherTheUserExistsOrNot() {
        var unknown = typed("nobody", "some-password");
        var wrong = typed("giulia.verdi", "some-password");
        var empty = typed("giulia.verdi", "");
        var right = typed("giulia.verdi", "giulia-directory-pw");

        assertThat(store.validate(unknown).getStatus()).isEqualTo(Status.INVALID);
        assertThat(store.validate(wrong).getStatus()).isEqualTo(Status.INVALID);
        assertThat(store.validate(empty).getStatus()).isEqualTo(Status.INVALID);
        assertThat(store.validate(right).getStatus()).isEqualTo(Status.VALID);

        assertThat(hashes).hasValue(4);
        assertThat(unknown.report().failure()).isEqualTo("unknown account");
        assertThat(wrong.report().failure()).isEqualTo("wrong password");
        assertThat(empty.report().failure()).isEqualTo("empty password");
        assertThat(created).hasValue(1);
    }

    @Test
    void aDirectoryThatDoesNotAnswerCostsOneHashAndIsReported() {
        server.server.shutDown(true);
        var typed = typed("giulia.verdi", "giulia-directory-pw");

        assertThat(store.validate(typed).getStatus()).isEqualTo(Status.INVALID);
        assertThat(typed.report().isDirectoryUnavailable()).isTrue();
        assertThat(hashes).hasValue(1);
    }

    @Test
    void aLocalAccountsUsernameIsLeftToTheLocalStoreWithoutAskingTheDirectory() {
        localAccount = Optional.of(new Account("giulia.verdi", "Local Giulia", null, "it", Role.USER, "hash",
                Instant.now()));

        assertThat(store.validate(typed("giulia.verdi", "giulia-directory-pw")).getStatus())
                .isEqualTo(Status.NOT_VALIDATED);
        assertThat(server.searches).hasValue(0);
        assertThat(server.binds).hasValue(0);
        assertThat(created).hasValue(0);
    }
}
