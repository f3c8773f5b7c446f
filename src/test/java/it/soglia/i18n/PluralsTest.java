package it.soglia.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Counts read right in both languages: "1 minuto", "30 minuti" (MessageFormat choice, as login.throttled does). */
class PluralsTest {

    private static String format(Locale locale, String key, Object... arguments) {
        return new MessageFormat(ResourceBundle.getBundle("it.soglia.i18n.messages", locale).getString(key), locale)
                .format(arguments);
    }

    @Test
    void theLostCodeAnswerSaysOneMinuteOrMinutes() {
        assertThat(format(Locale.ITALIAN, "lost.result", 1)).contains("vale un minuto e").doesNotContain("1 minuti");
        assertThat(format(Locale.ITALIAN, "lost.result", 30)).contains("vale 30 minuti e");
        assertThat(format(Locale.ENGLISH, "lost.result", 1)).contains("valid for one minute and");
        assertThat(format(Locale.ENGLISH, "lost.result", 30)).contains("valid for 30 minutes and");
    }

    @Test
    void throttlingSaysOneSecondOrSeconds() {
        assertThat(format(Locale.ITALIAN, "login.throttled", 1)).contains("un secondo");
        assertThat(format(Locale.ITALIAN, "login.throttled", 4)).contains("4 secondi");
    }
}
