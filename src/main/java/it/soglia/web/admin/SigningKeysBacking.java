package it.soglia.web.admin;

import it.soglia.oidc.ProviderSettings;
import it.soglia.oidc.SigningKey;
import it.soglia.oidc.SigningKeys;
import it.soglia.security.Origins;
import it.soglia.web.Messages;
import it.soglia.web.Navigation;
import it.soglia.web.StepUpBacking;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * "Chiavi di firma" on {@code /admin/clients}: the keys that sign the tokens, and their rotation. A retired key stays
 * published for one token lifetime, so that tokens signed just before still verify.
 */
@Named
@RequestScoped
public class SigningKeysBacking {

    @Inject
    SigningKeys keys;

    @Inject
    ProviderSettings provider;

    @Inject
    SecurityContext securityContext;

    @Inject
    StepUpBacking stepUp;

    @Inject
    ExternalContext external;

    @Inject
    Clock clock;

    private List<SigningKey> all;

    public List<SigningKey> getKeys() {
        if (all == null) {
            all = keys.all();
        }
        return all;
    }

    /** Until when a retired key is still published at {@code /jwks}. */
    public Instant publishedUntil(SigningKey key) {
        return key.getRetiredAt() == null ? null : key.getRetiredAt().plus(provider.tokenLifetime());
    }

    public boolean isPublished(SigningKey key) {
        Instant until = publishedUntil(key);
        return until == null || until.isAfter(clock.instant());
    }

    /** How long a retired key stays published, as the confirmation says it. */
    public long getTokenLifetimeMinutes() {
        return provider.tokenLifetime().toMinutes();
    }

    public void rotate() {
        if (!stepUp.isFresh()) {
            Messages.error("admin.step-up.needed");
            return;
        }
        String kid = keys.rotate(securityContext.getCallerPrincipal().getName(),
                Origins.of((HttpServletRequest) external.getRequest()));
        Messages.info("admin.keys.rotate.done", kid);
        Messages.keepAcrossRedirect();
        Navigation.redirect("/admin/clients");
    }
}
