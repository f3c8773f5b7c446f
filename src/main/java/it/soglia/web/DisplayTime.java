package it.soglia.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Dates and times on pages: the reader's language, the configured time zone; empty for "never". */
@Named
@ApplicationScoped
public class DisplayTime {

    @Inject
    @ConfigProperty(name = "soglia.time-zone", defaultValue = "Europe/Rome")
    ZoneId zone;

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }

    /** A time of day only (for "locked until 14:30"). */
    public String time(Instant instant) {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone).format(instant);
    }
}
