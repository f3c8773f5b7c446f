package it.soglia.rp;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * The test application signs its users in with Jakarta Security's own OpenID Connect mechanism (Soteria in
 * Payara), configured as an application's developer would: the provider's discovery document, client id and
 * secret, the default redirect URI {@code <application>/Callback} and scopes {@code openid email profile}; caller
 * name from {@code preferred_username}, groups from {@code groups} (the defaults). Signing out of the application
 * signs out of Soglia too (RP-initiated logout) and comes back to {@code /signed-out}.
 */
@ApplicationScoped
@DeclareRoles({"USER", "ADMIN"})
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${rpSettings.issuer}",
        clientId = "${rpSettings.clientId}",
        clientSecret = "${rpSettings.clientSecret}",
        redirectToOriginalResource = true,
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/signed-out"))
public class OpenIdSignIn {
}
