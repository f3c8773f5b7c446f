package it.soglia.mail;

import it.soglia.site.SiteSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Turns a template of {@code mail_<language>.properties} into a {@link Mail} in the recipient's language: the
 * plain-text body as written, and an HTML body made from it with every argument escaped.
 */
@ApplicationScoped
public class MailTemplates {

    private static final String BUNDLE = "it.soglia.i18n.mail";
    private static final String LINK_MARK = "\u0000link\u0000";

    @Inject
    SiteSettings site;

    public Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.ITALIAN;
    }

    public String text(Locale locale, String key) {
        return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
    }

    /** Whom to call: the configured contact, or "the administrator" in the mail's language. */
    public String contact(Locale locale) {
        return site.adminContact().orElseGet(() -> text(locale, "common.admin"));
    }

    public String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(site.timeZone()).format(instant);
    }

    public String time(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(site.timeZone()).format(instant);
    }

    /**
     * @param link      the one argument shown as a link in the HTML part
     * @param arguments the template's arguments; {@code link} must be one of them
     */
    public Mail mail(String kind, String recipient, Locale locale, String link, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        String key = kebab(kind);
        String subject = bundle.getString(key + ".subject");
        String pattern = bundle.getString(key + ".body");
        String text = new MessageFormat(pattern, locale).format(arguments) + "\n\n-- \n" + bundle.getString("common.signature");
        String html = html(escapedBody(pattern, locale, link, arguments), link,
                escape(bundle.getString("common.signature")));
        return new Mail(kind, recipient, subject, text, html);
    }

    /**
     * The body for the HTML part: the pattern formatted with a mark in place of each text argument, the result
     * escaped, then each mark replaced by its argument escaped (the link by the link's mark). Numbers stay numbers, so
     * that a choice ("{4,choice,1#un minuto|1<{4} minuti}") still chooses; escaping the pattern first broke its "<".
     */
    private static String escapedBody(String pattern, Locale locale, String link, Object... arguments) {
        Object[] marked = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            marked[i] = arguments[i] instanceof Number ? arguments[i] : argumentMark(i);
        }
        String body = escape(new MessageFormat(pattern, locale).format(marked));
        for (int i = 0; i < arguments.length; i++) {
            if (!(arguments[i] instanceof Number)) {
                body = body.replace(argumentMark(i), link != null && link.equals(arguments[i]) ? LINK_MARK
                        : escape(String.valueOf(arguments[i])));
            }
        }
        return body;
    }

    private static String argumentMark(int index) {
        return "\u0000arg" + index + "\u0000";
    }

    private static String html(String escapedBody, String link, String signature) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;"
                + "color:#1f2933;line-height:1.5\">");
        for (String paragraph : escapedBody.split("\n\\s*\n")) {
            out.append("<p>").append(paragraph.strip().replace("\n", "<br>")).append("</p>");
        }
        out.append("<p style=\"color:#52606d;font-size:12px\">").append(signature).append("</p></body></html>");
        String anchor = link == null ? "" : "<a href=\"" + escape(link) + "\">" + escape(link) + "</a>";
        return out.toString().replace(LINK_MARK, anchor);
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** RESET_LINK → reset-link, the key prefix in the bundle. */
    private static String kebab(String kind) {
        return kind.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
