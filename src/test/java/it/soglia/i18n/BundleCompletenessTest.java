package it.soglia.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Soglia's texts: every key in both languages, nothing empty, the product labels of the manual. */
class BundleCompletenessTest {

    private static final String BASE = "it/soglia/i18n/messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void italianAndEnglishHaveExactlyTheSameKeys() {
        Set<String> italian = load("it").keySet();
        Set<String> english = load("en").keySet();

        assertThat(italian).as("keys missing in English").isSubsetOf(english);
        assertThat(english).as("keys missing in Italian").isSubsetOf(italian);
        assertThat(italian).hasSizeGreaterThan(50);
    }

    @ParameterizedTest(name = "messages_{0}")
    @ValueSource(strings = {"it", "en"})
    void noTextIsEmpty(String language) {
        Map<String, String> empty = new TreeMap<>();
        load(language).forEach((key, value) -> {
            if (value.isBlank()) {
                empty.put(key, value);
            }
        });

        assertThat(empty).isEmpty();
    }

    @ParameterizedTest(name = "messages_{0}")
    @ValueSource(strings = {"it", "en"})
    void noKeyIsDefinedTwice(String language) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String line : text(language).lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(trimmed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String key : one.stringPropertyNames()) {
                if (seen.merge(key, 1, Integer::sum) > 1) {
                    duplicates.add(key);
                }
            }
        }

        assertThat(duplicates).as("a later line silently replaces an earlier one").isEmpty();
    }

    @Test
    void theItalianLabelsAreThoseOfTheManual() {
        Map<String, String> italian = load("it");

        assertThat(italian).containsEntry("code.lost", "Non sei più in possesso del codice?");
        assertThat(italian).containsEntry("profile.title", "Profilo Utente");
    }

    @ParameterizedTest(name = "messages_{0}")
    @ValueSource(strings = {"it", "en"})
    void apostrophesAreTypographicSoMessageFormatKeepsThem(String language) {
        Map<String, String> withAsciiApostrophe = new TreeMap<>();
        load(language).forEach((key, value) -> {
            if (value.contains("'")) {
                withAsciiApostrophe.put(key, value);
            }
        });

        assertThat(withAsciiApostrophe).as("write ’ (U+2019) instead of '").isEmpty();
    }

    @ParameterizedTest(name = "messages_{0}")
    @ValueSource(strings = {"it", "en"})
    void everyTextIsAValidMessageFormatPattern(String language) {
        Map<String, String> broken = new TreeMap<>();
        load(language).forEach((key, value) -> {
            try {
                // a choice placeholder ({0,choice,...}) takes a number; the others take any text
                Object first = value.contains("{0,choice") ? (Object) 2 : "A";
                String formatted = new MessageFormat(value, Locale.ROOT).format(new Object[] {first, "B", "C"});
                if (!value.contains("{") && !formatted.equals(value)) {
                    broken.put(key, formatted);
                }
            } catch (IllegalArgumentException e) {
                broken.put(key, e.getMessage());
            }
        });

        assertThat(broken).isEmpty();
    }

    @Test
    void bothLanguagesUseTheSamePlaceholders() {
        Map<String, String> italian = load("it");
        Map<String, String> english = load("en");
        Map<String, String> different = new TreeMap<>();
        italian.forEach((key, value) -> {
            if (english.containsKey(key) && !placeholders(value).equals(placeholders(english.get(key)))) {
                different.put(key, placeholders(value) + " vs " + placeholders(english.get(key)));
            }
        });

        assertThat(different).isEmpty();
    }

    @Test
    void resourceBundleReadsTheAccentsAsUtf8() {
        ResourceBundle italian = ResourceBundle.getBundle("it.soglia.i18n.messages", Locale.ITALIAN,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        assertThat(italian.getString("code.lost")).isEqualTo("Non sei più in possesso del codice?");
        assertThat(italian.getString("common.back-to-login")).isEqualTo("Torna all’accesso");
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Map<String, String> load(String language) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text(language)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }

    /** The file as text, refusing anything that is not valid UTF-8 rather than replacing it. */
    private static String text(String language) {
        String resource = BASE + "_" + language + ".properties";
        try (InputStream in = BundleCompletenessTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(resource + " is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
