package dev.usersession.example;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app computes, for the tests: RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second steps) from the
 * Base32 secret that the enrollment shows, written apart from the library's own code so that the test checks it.
 */
final class OneTimeCodes {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final long STEP_SECONDS = 30;

    private OneTimeCodes() {
    }

    /** @return the number of the 30-second step that holds this moment (seconds since the epoch) */
    static long stepAt(long epochSeconds) {
        return epochSeconds / STEP_SECONDS;
    }

    /** @return the 6-digit code of a time step (RFC 4226's dynamic truncation over the step number) */
    static String code(String base32Secret, long step) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8
                | hash[offset + 3] & 0xff;
        return String.format("%06d", binary % 1_000_000);
    }

    private static byte[] base32(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        byte[] bytes = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("Not Base32: " + c);
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                bytes[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return bytes;
    }
}
