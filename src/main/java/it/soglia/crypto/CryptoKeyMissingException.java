package it.soglia.crypto;

/** Soglia refuses to start without a usable encryption key for the TOTP secrets. */
public class CryptoKeyMissingException extends IllegalStateException {

    public CryptoKeyMissingException(String message) {
        super(message);
    }
}
