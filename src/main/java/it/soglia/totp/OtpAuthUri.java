package it.soglia.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one place the {@code otpauth://} key URI is built (Google Authenticator's Key Uri Format):
 * {@code otpauth://totp/Issuer:account?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30}.
 */
public final class OtpAuthUri {

    private OtpAuthUri() {
    }

    public static String of(String issuer, String accountName, byte[] secret, TotpPolicy policy) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label
                + "?secret=" + Base32.encode(secret)
                + "&issuer=" + encode(issuer)
                + "&algorithm=" + policy.algorithm().uriName()
                + "&digits=" + policy.digits()
                + "&period=" + policy.period().getSeconds();
    }

    /** Percent-encoding as RFC 3986 wants it: spaces as %20, never '+'. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
