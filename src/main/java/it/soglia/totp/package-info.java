/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226), the {@code otpauth://} key URI of Google
 * Authenticator and its QR code. Plain Java with no Jakarta dependency, so it can be tested against the RFC
 * vectors and against {@code oathtool} without a container.
 */
package it.soglia.totp;
