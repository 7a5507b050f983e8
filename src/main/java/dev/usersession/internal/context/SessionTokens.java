package dev.usersession.internal.context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session tokens: 256 bits from {@link SecureRandom}, written as URL-safe base64 without padding (43 characters).
 * Only a token's SHA-256, in the same encoding, is ever stored; it is the session's id.
 */
public final class SessionTokens {

    /** Length of a token and of a token hash. */
    public static final int LENGTH = 43;

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionTokens() {}

    /** @return a new random token */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** @return the SHA-256 of the token, URL-safe base64 without padding: the session id stored for it */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return ENCODER.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** @return whether the value has the exact length and alphabet of a token; checked before any query */
    public static boolean isWellFormed(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            boolean allowed =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        // 256 bits in 43 characters leave the last character's low 2 bits zero.
        return "AEIMQUYcgkosw048".indexOf(value.charAt(LENGTH - 1)) >= 0;
    }
}
