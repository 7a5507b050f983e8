package dev.usersession.internal.onetimecode;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Base32 of RFC 4648 (alphabet {@code A-Z2-7}), the encoding of one-time-code secrets in {@code otpauth} URIs.
 * Encodes without padding; decodes with or without padding, in either case.
 */
final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    /** @return the bytes in upper-case base32, without the {@code =} padding */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(ALPHABET.charAt((buffer >> bits) & 31));
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * @return the bytes of a base32 text; trailing {@code =} padding is optional
     * @throws IllegalArgumentException for a character outside the alphabet
     */
    static byte[] decode(String text) {
        String digits = text.toUpperCase(Locale.ROOT).replaceAll("=+$", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream(digits.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < digits.length(); i++) {
            int value = ALPHABET.indexOf(digits.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Not base32: a character at index " + i + " is outside A-Z2-7");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xff);
            }
        }
        return out.toByteArray();
    }
}
