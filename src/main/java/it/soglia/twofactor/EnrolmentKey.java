package it.soglia.twofactor;

/**
 * What a person needs to add Soglia to an authenticator: the key as text, the {@code otpauth://} URI and its QR
 * code as PNG.
 */
public record EnrolmentKey(String issuer, String accountName, String base32Secret, String uri, byte[] qrPng) {

    public String groupedSecret() {
        return it.soglia.totp.Base32.grouped(base32Secret);
    }

    // Getters for Expression Language 5 (Payara 6), which reads bean getters only, not record components.

    public String getIssuer() {
        return issuer;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getGroupedSecret() {
        return groupedSecret();
    }
}
