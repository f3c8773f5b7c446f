/**
 * Encryption at rest with the key from {@code soglia.crypto.key}: {@link it.soglia.crypto.SecretCipher}
 * (AES-256-GCM, each value bound to a context) and the producer that refuses to start without a usable key.
 * A leaf: it depends on no other Soglia package.
 */
package it.soglia.crypto;
