package it.soglia.totp;

/** The HMAC functions RFC 6238 allows; SHA1 is what every authenticator app understands. */
public enum HmacAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String jcaName;

    HmacAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    String jcaName() {
        return jcaName;
    }

    /** The name used in the {@code algorithm} parameter of the key URI. */
    public String uriName() {
        return name();
    }
}
