package it.soglia.mail;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.site.SiteSettings;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Mails say "un minuto" and "30 minuti", "te ne resta uno" and "te ne restano 4", in both parts, escaped. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    MailTemplatesTest() {
        templates.site = SiteSettings.of(ZoneId.of("Europe/Rome"), null);
    }

    @Test
    void theResetLinksLifetimeIsWordedForOneMinuteAndForMany() {
        String link = "https://intranet.example/soglia/reset?token=abc&x=1";

        Mail one = resetLink(Locale.ITALIAN, link, 1L);
        Mail many = resetLink(Locale.ITALIAN, link, 30L);
        Mail english = resetLink(Locale.ENGLISH, link, 1L);

        assertThat(one.text()).contains("(vale un minuto e una sola volta)");
        assertThat(one.html()).contains("(vale un minuto e una sola volta)");
        assertThat(many.text()).contains("(vale 30 minuti e una sola volta)");
        assertThat(many.html()).contains("(vale 30 minuti e una sola volta)")
                .contains("<a href=\"https://intranet.example/soglia/reset?token=abc&amp;x=1\">");
        assertThat(english.text()).contains("(it is valid for one minute, and once)");
    }

    @Test
    void theRecoveryCodesLeftAreCountedInWords() {
        assertThat(recoveryCodeUsed(Locale.ITALIAN, 0L).text()).contains("non te ne restano altri.");
        assertThat(recoveryCodeUsed(Locale.ITALIAN, 1L).html()).contains("te ne resta uno.");
        assertThat(recoveryCodeUsed(Locale.ITALIAN, 4L).text()).contains("te ne restano 4.");
        assertThat(recoveryCodeUsed(Locale.ENGLISH, 1L).text()).contains("one is left.");
        assertThat(recoveryCodeUsed(Locale.ENGLISH, 4L).html()).contains("4 are left.");
    }

    @Test
    void textArgumentsAreEscapedInTheHtmlPartOnly() {
        Mail mail = recoveryCodeUsed(Locale.ITALIAN, 2L, "Mario <b>Rossi</b>");

        assertThat(mail.text()).contains("Ciao Mario <b>Rossi</b>,");
        assertThat(mail.html()).contains("Ciao Mario &lt;b&gt;Rossi&lt;/b&gt;,").doesNotContain("<b>");
    }

    private Mail resetLink(Locale locale, String link, long minutes) {
        return templates.mail("RESET_LINK", "mario@example.test", locale, link, "Mario", "mario.rossi", link,
                "4 dicembre 2026, 21:30", minutes, "192.0.2.1");
    }

    private Mail recoveryCodeUsed(Locale locale, long left) {
        return recoveryCodeUsed(locale, left, "Mario");
    }

    private Mail recoveryCodeUsed(Locale locale, long left, String name) {
        return templates.mail("RECOVERY_CODE_USED", "mario@example.test", locale, null, name, "mario.rossi",
                "4 dicembre 2026, 21:30", "192.0.2.1", "Chrome", left, "l’amministratore");
    }
}
