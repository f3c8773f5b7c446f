package it.soglia.directory;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The {@code soglia.ldap.*} keys (README's configuration table), read once. No {@code soglia.ldap.url}: no directory,
 * and Soglia checks its own passwords only.
 */
public record DirectorySettings(URI url, boolean startTls, String bindDn, String bindPassword, String userBaseDn,
                                String userFilter, String usernameAttribute, String nameAttribute,
                                String emailAttribute, String idAttribute, Optional<String> adminGroup,
                                String groupMemberAttribute, Optional<String> disabledFilter, Duration connectTimeout,
                                Duration responseTimeout, Optional<String> caCertificate, int poolSize) {

    public static final String OPENLDAP_USER_FILTER = "(&(objectClass=inetOrgPerson)(uid={0}))";

    public static Optional<DirectorySettings> from(Config config) {
        Optional<String> url = config.getOptionalValue("soglia.ldap.url", String.class).filter(u -> !u.isBlank());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(url.get().strip());
        if (!"ldap".equals(uri.getScheme()) && !"ldaps".equals(uri.getScheme())) {
            throw new IllegalStateException("Soglia cannot start: soglia.ldap.url must be ldap://host:port or "
                    + "ldaps://host:port, not " + url.get());
        }
        return Optional.of(new DirectorySettings(uri,
                config.getOptionalValue("soglia.ldap.start-tls", Boolean.class).orElse(true),
                required(config, "soglia.ldap.bind-dn"),
                required(config, "soglia.ldap.bind-password"),
                required(config, "soglia.ldap.user-base-dn"),
                text(config, "soglia.ldap.user-filter", OPENLDAP_USER_FILTER),
                text(config, "soglia.ldap.username-attribute", "uid"),
                text(config, "soglia.ldap.name-attribute", "cn"),
                text(config, "soglia.ldap.email-attribute", "mail"),
                text(config, "soglia.ldap.id-attribute", "entryUUID"),
                optional(config, "soglia.ldap.admin-group"),
                text(config, "soglia.ldap.group-member-attribute", "member"),
                optional(config, "soglia.ldap.disabled-filter"),
                config.getOptionalValue("soglia.ldap.connect-timeout", Duration.class).orElse(Duration.ofSeconds(5)),
                config.getOptionalValue("soglia.ldap.response-timeout", Duration.class).orElse(Duration.ofSeconds(10)),
                optional(config, "soglia.ldap.ca-certificate"),
                config.getOptionalValue("soglia.ldap.pool-size", Integer.class).orElse(4)));
    }

    public boolean isLdaps() {
        return "ldaps".equals(url.getScheme());
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : isLdaps() ? 636 : 389;
    }

    private static String required(Config config, String key) {
        return optional(config, key).orElseThrow(() -> new IllegalStateException(
                "Soglia cannot start: soglia.ldap.url is set, so " + key + " must be set too"));
    }

    private static String text(Config config, String key, String fallback) {
        return optional(config, key).orElse(fallback);
    }

    private static Optional<String> optional(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() { // never the bind password in a log
        return "DirectorySettings[" + url + ", startTls=" + startTls + ", bindDn=" + bindDn + ", base=" + userBaseDn
                + ", filter=" + userFilter + "]";
    }
}
