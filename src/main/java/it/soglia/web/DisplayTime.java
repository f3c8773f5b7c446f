package it.soglia.web;

import it.soglia.site.SiteSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Dates and times on pages: the reader's language, the configured time zone; empty for "never". */
@Named
@ApplicationScoped
public class DisplayTime {

    @Inject
    SiteSettings site;

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(site.timeZone()).format(instant);
    }

    /**
     * For files (the CSV exports): {@code 2026-12-04 21:05:03} in the configured time zone, whatever the reader's
     * language, so that spreadsheets read it as a date and rows sort by it as text; empty for "never".
     */
    public String forFiles(Instant instant) {
        return instant == null ? "" : FILES.withZone(site.timeZone()).format(instant);
    }

    /** The configured time zone, as the export headers name it ("Europe/Rome"). */
    public String zoneName() {
        return site.timeZone().getId();
    }

    private static final DateTimeFormatter FILES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /** A time of day only (for "locked until 14:30"). */
    public String time(Instant instant) {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(site.timeZone()).format(instant);
    }
}
