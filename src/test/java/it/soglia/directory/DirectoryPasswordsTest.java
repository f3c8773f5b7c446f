package it.soglia.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.soglia.directory.DirectoryPasswords.Answer.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryPasswordsTest {

    private InMemoryDirectory directory;
    private LdapDirectory connections;
    private DirectoryPasswords passwords;

    @BeforeEach
    void start() throws Exception {
        directory = new InMemoryDirectory();
        connections = new LdapDirectory(directory.settings());
        passwords = new DirectoryPasswords(directory.settings(), connections);
    }

    @AfterEach
    void stop() {
        connections.close();
        directory.close();
    }

    @Test
    void anEmptyPasswordNeverReachesTheDirectory() throws Exception {
        assertThat(passwords.check("giulia.verdi", "").kind()).isEqualTo(Kind.EMPTY_PASSWORD);
        assertThat(passwords.check("giulia.verdi", null).kind()).isEqualTo(Kind.EMPTY_PASSWORD);
        assertThat(directory.searches).hasValue(0);
        assertThat(directory.binds).hasValue(0);
        assertThatThrownBy(() -> connections.bindsAs("uid=giulia.verdi,ou=people," + InMemoryDirectory.BASE, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(directory.binds).hasValue(0);
    }

    @Test
    void theRightDirectoryPasswordSignsInWithNameEmailStableIdAndTheGroupsRole() throws Exception {
        var answer = passwords.check("giulia.verdi", "giulia-directory-pw");
        assertThat(answer.kind()).isEqualTo(Kind.RIGHT);
        assertThat(answer.user().username()).isEqualTo("giulia.verdi");
        assertThat(answer.user().displayName()).isEqualTo("Giulia Verdi");
        assertThat(answer.user().email()).isEqualTo("giulia.verdi@example.test");
        assertThat(answer.user().stableId()).matches("[0-9a-f-]{36}");
        assertThat(answer.admin()).isTrue();
        assertThat(passwords.check("paolo.neri", "paolo-directory-pw").admin()).isFalse();
    }

    @Test
    void aWrongPasswordAnUnknownUserAndADisabledUserAreRefused() throws Exception {
        assertThat(passwords.check("giulia.verdi", "paolo-directory-pw").kind()).isEqualTo(Kind.WRONG);
        assertThat(passwords.check("nobody", "whatever-password").kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(passwords.check("carla.blu", "carla-directory-pw").kind()).isEqualTo(Kind.DISABLED);
    }

    @Test
    void filterCharactersInTheUsernameMatchNobody() throws Exception {
        for (String hostile : new String[] {"*", "giulia*", "*)(uid=*", "giulia.verdi)(|(uid=*", "\\2a"}) {
            assertThat(passwords.check(hostile, "giulia-directory-pw").kind()).as(hostile).isEqualTo(Kind.UNKNOWN);
        }
        assertThat(directory.binds).hasValue(0);
        assertThat(passwords.userFilter("*)(uid=*").toString())
                .isEqualTo("(&(objectClass=inetOrgPerson)(uid=\\2a\\29\\28uid=\\2a))");
    }

    @Test
    void twoEntriesForOneUsernameAreNobody() throws Exception {
        directory.server.add("dn: ou=others," + InMemoryDirectory.BASE, "objectClass: organizationalUnit", "ou: others");
        directory.server.add("dn: uid=paolo.neri,ou=others," + InMemoryDirectory.BASE, "objectClass: inetOrgPerson",
                "uid: paolo.neri", "cn: Paolo Neri", "sn: Neri", "userPassword: paolo-directory-pw");
        var settings = directory.settings();
        var wide = new DirectorySettings(settings.url(), false, settings.bindDn(), settings.bindPassword(),
                InMemoryDirectory.BASE, settings.userFilter(), "uid", "cn", "mail", "entryUUID", settings.adminGroup(),
                "member", settings.disabledFilter(), settings.connectTimeout(), settings.responseTimeout(),
                settings.caCertificate(), 2);
        try (var wideConnections = new LdapDirectory(wide)) {
            assertThat(new DirectoryPasswords(wide, wideConnections).check("paolo.neri", "paolo-directory-pw").kind())
                    .isEqualTo(Kind.UNKNOWN);
        }
    }

    @Test
    void aRenamedUserIsFoundByTheStableIdAndADisabledOrRemovedOneIsNot() throws Exception {
        String id = passwords.check("paolo.neri", "paolo-directory-pw").user().stableId();
        directory.server.modifyDN("uid=paolo.neri,ou=people," + InMemoryDirectory.BASE, "uid=paolo.neri2", true);
        assertThat(passwords.findActive(id)).get().extracting(DirectoryUser::username).isEqualTo("paolo.neri2");
        assertThat(passwords.check("paolo.neri2", "paolo-directory-pw").user().stableId()).isEqualTo(id);

        directory.server.modify("dn: uid=paolo.neri2,ou=people," + InMemoryDirectory.BASE, "changetype: modify",
                "add: employeeType", "employeeType: disabled");
        assertThat(passwords.findActive(id)).isEmpty();
        directory.server.delete("uid=paolo.neri2,ou=people," + InMemoryDirectory.BASE);
        assertThat(passwords.findActive(id)).isEmpty();
    }

    @Test
    void aDirectoryThatDoesNotAnswerSaysSo() {
        directory.server.shutDown(true);
        assertThatThrownBy(() -> passwords.check("giulia.verdi", "giulia-directory-pw"))
                .isInstanceOf(DirectoryUnavailableException.class);
    }
}
