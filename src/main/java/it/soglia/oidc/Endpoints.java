package it.soglia.oidc;

/** The provider's paths, relative to the context root (and so to the issuer, {@code soglia.base-url}). */
public final class Endpoints {

    public static final String DISCOVERY = "/.well-known/openid-configuration";
    public static final String JWKS = "/jwks";
    public static final String AUTHORIZE = "/authorize";
    public static final String TOKEN = "/token";
    public static final String USERINFO = "/userinfo";
    public static final String END_SESSION = "/end-session";

    private Endpoints() {
    }
}
