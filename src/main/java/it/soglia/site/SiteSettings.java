package it.soglia.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code soglia.time-zone} and {@code soglia.admin-contact}, read once with their defaults here, for the pages and the
 * mails alike.
 */
@ApplicationScoped
public class SiteSettings {

    @Inject
    @ConfigProperty(name = "soglia.time-zone", defaultValue = "Europe/Rome")
    ZoneId timeZone;

    @Inject
    @ConfigProperty(name = "soglia.admin-contact")
    Optional<String> adminContact;

    /** These settings as given, outside a container (unit tests of the pages' and mails' wording). */
    public static SiteSettings of(ZoneId timeZone, String adminContact) {
        SiteSettings settings = new SiteSettings();
        settings.timeZone = timeZone;
        settings.adminContact = Optional.ofNullable(adminContact);
        return settings;
    }

    /** The time zone of every time shown on a page, in a mail or in an export. */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** Whom users without an email on their account should ask; empty: "the administrator", in the reader's words. */
    public Optional<String> adminContact() {
        return adminContact.map(String::strip).filter(contact -> !contact.isEmpty());
    }
}
