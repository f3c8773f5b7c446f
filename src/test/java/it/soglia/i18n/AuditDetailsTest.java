package it.soglia.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.web.admin.AuditDetails;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The English details the services store (and rows written long ago hold) read in the admin's language; a detail of
 * no known shape is shown as it was written.
 */
class AuditDetailsTest {

    private static AuditDetails in(Locale locale) {
        return new AuditDetails(ResourceBundle.getBundle("it.soglia.i18n.messages", locale), locale,
                instant -> "T" + instant.getEpochSecond());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            by ADMIN: nuovo telefono                   | da un amministratore: nuovo telefono
            by ADMIN                                   | da un amministratore
            by LINK                                    | dall’utente, con il link ricevuto per email
            by SELF                                    | dall’utente, dal suo profilo
            wrong code                                 | codice errato
            to show the key: code already used         | per mostrare la chiave: codice già usato
            new authenticator: wrong code              | nuova app: codice errato
            9 left                                     | restano 9 codici
            1 left                                     | resta un codice
            0 left                                     | nessun codice rimasto
            role USER -> ADMIN                         | ruolo: da Utente a Amministratore
            name, email, role ADMIN -> USER            | nome, email, ruolo: da Amministratore a Utente
            role USER                                  | ruolo: Utente
            language en                                | lingua: English
            must wait: username                        | attesa imposta: troppi errori per questo nome utente
            locked: client address                     | bloccato: troppi errori da questo indirizzo
            3 links in the last hour                   | 3 link nell’ultima ora
            valid until 2026-12-04T21:38:00Z           | valido fino al T1796420280
            until 2026-12-04T21:38:00Z                 | fino al T1796420280
            until an admin unlocks it or a reset: 10 locks in a row | finché un amministratore non la sblocca o non viene reimpostata: 10 blocchi di seguito
            something written by an older version      | something written by an older version
            name, something else                       | name, something else
            """)
    void italianDetails(String stored, String shown) {
        assertThat(in(Locale.ITALIAN).translate(stored)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            by ADMIN: new phone                        | by an administrator: new phone
            1 left                                     | one code left
            role USER -> ADMIN                         | role: from User to Administrator
            """)
    void englishDetails(String stored, String shown) {
        assertThat(in(Locale.ENGLISH).translate(stored)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            wrong password
            unknown account
            email matched
            reset link mailed
            code step and password step
            replaced the previous authenticator
            after the password and a code typed now
            """)
    void noStoredEnglishShowsInItalian(String stored) {
        assertThat(in(Locale.ITALIAN).translate(stored)).isNotEqualTo(stored).isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void nothingStoredShowsNothing() {
        assertThat(in(Locale.ITALIAN).translate(null)).isEmpty();
        assertThat(Instant.parse("2026-12-04T21:38:00Z").getEpochSecond()).isEqualTo(1796420280L);
    }
}
