package it.soglia.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The mail templates: same keys and placeholders in both languages, valid patterns, apostrophes kept. */
class MailBundleTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern CHOICE = Pattern.compile("\\{(\\d+),choice,");

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        Properties italian = load("it");
        Properties english = load("en");

        assertThat(italian.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : italian.stringPropertyNames()) {
            assertThat(placeholders(english.getProperty(key))).as(key).isEqualTo(placeholders(italian.getProperty(key)));
        }
    }

    @Test
    void everyTemplateFormatsWithoutLosingApostrophes() {
        for (String language : new String[] {"it", "en"}) {
            Properties texts = load(language);
            for (String key : texts.stringPropertyNames()) {
                String value = texts.getProperty(key);
                assertThat(value).as(language + " " + key).doesNotContain("'").isNotBlank();
                Object[] arguments = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"};
                Matcher choice = CHOICE.matcher(value); // a count worded by a choice ("un minuto", "N minuti")
                while (choice.find()) {
                    arguments[Integer.parseInt(choice.group(1))] = 2L;
                }
                String formatted = new MessageFormat(value, Locale.forLanguageTag(language)).format(arguments);
                assertThat(formatted).as(language + " " + key).doesNotContain("{");
            }
        }
    }

    @Test
    void theResetMailNamesTheAccountTheLinkAndTheExpiry() {
        String body = load("it").getProperty("reset-link.body");

        assertThat(placeholders(body)).contains("1", "2", "3");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String language) {
        var in = MailBundleTest.class.getClassLoader().getResourceAsStream("it/soglia/i18n/mail_" + language + ".properties");
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
