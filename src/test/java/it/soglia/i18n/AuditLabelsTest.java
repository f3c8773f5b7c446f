package it.soglia.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.audit.AuditType;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every event type the audit log can hold has a label in both languages: admins never read a constant's name. */
class AuditLabelsTest {

    @ParameterizedTest
    @EnumSource(AuditType.class)
    void everyEventTypeHasAnItalianAndAnEnglishLabel(AuditType type) {
        String key = "audit.type." + type.name();
        String italian = ResourceBundle.getBundle("it.soglia.i18n.messages", Locale.ITALIAN).getString(key);
        String english = ResourceBundle.getBundle("it.soglia.i18n.messages", Locale.ENGLISH).getString(key);

        assertThat(italian).isNotBlank().doesNotContain(type.name()).isNotEqualTo(english);
        assertThat(english).isNotBlank().doesNotContain(type.name());
    }
}
