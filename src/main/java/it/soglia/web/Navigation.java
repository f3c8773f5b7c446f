package it.soglia.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Redirects to the pages of the contract by their extensionless paths. */
public final class Navigation {

    private Navigation() {
    }

    public static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** To the sign-in page with one of its known notices (see {@link LoginBacking}). */
    public static void toLogin(LoginNotice notice) {
        redirect(it.soglia.security.Pages.LOGIN + "?notice=" + notice.parameter());
    }

    /** As above, carrying an application's pending sign-in request on ({@code oidc/PendingAuthorization}). */
    public static void toLogin(LoginNotice notice, java.util.Optional<String> pendingApplication) {
        redirect(it.soglia.security.Pages.LOGIN + "?notice=" + notice.parameter() + pendingApplication
                .map(encoded -> "&resume=" + java.net.URLEncoder.encode(encoded, java.nio.charset.StandardCharsets.UTF_8))
                .orElse(""));
    }
}
