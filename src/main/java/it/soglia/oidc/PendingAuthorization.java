package it.soglia.oidc;

import it.soglia.crypto.SecretCipher;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An application's authorization request waiting while the user signs in, carried in the sign-in page's address
 * ({@code /login?resume=…}) rather than in a session: an anonymous visitor costs Soglia no memory. It is the request's
 * parameters and the instant it was received, with an HMAC so that neither can be changed on the way; the
 * authorization endpoint checks it all again when the user comes back.
 */
public record PendingAuthorization(Map<String, String> parameters, Instant receivedAt) {

    private static final String MAC_PURPOSE = "oidc-pending-authorization";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public PendingAuthorization {
        parameters = Map.copyOf(parameters);
    }

    public String encode(SecretCipher cipher) {
        String query = parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String body = ENCODER.encodeToString(query.getBytes(StandardCharsets.UTF_8)) + "." + receivedAt.getEpochSecond();
        return body + "." + ENCODER.encodeToString(cipher.mac(MAC_PURPOSE, body.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The request behind {@code token}, if unaltered and received less than {@code wait} ago. */
    public static Optional<PendingAuthorization> decode(String token, SecretCipher cipher, Instant now, Duration wait) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String body = token.substring(0, lastDot);
        try {
            byte[] expected = cipher.mac(MAC_PURPOSE, body.getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(token.substring(lastDot + 1)))) {
                return Optional.empty();
            }
            int dot = body.indexOf('.');
            Instant received = Instant.ofEpochSecond(Long.parseLong(body.substring(dot + 1)));
            if (!now.isBefore(received.plus(wait))) {
                return Optional.empty();
            }
            String query = new String(Base64.getUrlDecoder().decode(body.substring(0, dot)), StandardCharsets.UTF_8);
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return Optional.of(new PendingAuthorization(parameters, received));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
