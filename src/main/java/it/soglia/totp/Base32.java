package it.soglia.totp;

import java.io.ByteArrayOutputStream;

/** RFC 4648 Base32 without padding, the alphabet authenticator apps expect for keys. */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * Decodes a key as people type it: case, spaces, hyphens and trailing padding are ignored.
     *
     * @throws IllegalArgumentException on any other character
     */
    public static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            if (c == ' ' || c == '-' || c == '=') {
                continue;
            }
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c; // ASCII only: 'ı' must not become 'I'
            int value = ALPHABET.indexOf(upper);
            if (value < 0) {
                throw new IllegalArgumentException("not a Base32 character at position " + text.indexOf(c));
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** The key in groups of four characters, easier to read aloud or type. */
    public static String grouped(String base32) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < base32.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(base32, i, Math.min(i + 4, base32.length()));
        }
        return out.toString();
    }
}
