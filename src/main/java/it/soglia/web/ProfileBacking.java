package it.soglia.web;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code /profile} ("Profilo Utente"): the signed-in user's own account. */
@Named
@RequestScoped
public class ProfileBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    AccountService accounts;

    @Inject
    @ConfigProperty(name = "soglia.time-zone", defaultValue = "Europe/Rome")
    ZoneId zone;

    private Account account;

    @PostConstruct
    void load() {
        account = accounts.findByUsername(securityContext.getCallerPrincipal().getName()).orElseThrow();
    }

    public Account getAccount() {
        return account;
    }

    /** Date and time in the reader's language and the configured time zone; empty for never. */
    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        var locale = jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }
}
