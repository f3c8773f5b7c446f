package it.soglia.oidc;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a sign-in begun by an application goes when it is complete: back to the authorization endpoint with the
 * pending request, instead of the profile. Kept from the right password on (the session begins there) until used.
 */
@SessionScoped
public class ReturnToApplication implements Serializable {

    private static final long serialVersionUID = 1L;

    private String pendingAuthorization;

    /** Remembers an encoded {@link PendingAuthorization}; a blank value forgets any earlier one. */
    public void keep(String encoded) {
        this.pendingAuthorization = encoded == null || encoded.isBlank() ? null : encoded;
    }

    /** The path to go on to, relative to the context root, consumed by this call. */
    public Optional<String> take() {
        String encoded = pendingAuthorization;
        pendingAuthorization = null;
        return Optional.ofNullable(encoded).map(ReturnToApplication::pathFor);
    }

    /** The encoded pending request, left in place: for a page that must carry it across the session's end. */
    public Optional<String> pending() {
        return Optional.ofNullable(pendingAuthorization);
    }

    public static String pathFor(String encoded) {
        return Endpoints.AUTHORIZE + "?resume=" + URLEncoder.encode(encoded, StandardCharsets.UTF_8);
    }
}
