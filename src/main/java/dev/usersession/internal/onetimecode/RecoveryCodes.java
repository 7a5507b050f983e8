package dev.usersession.internal.onetimecode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recovery codes: single-use codes that stand in for the second factor when the authenticator is lost. A code is 10
 * characters of Crockford's base32 alphabet ({@code 0-9} and the letters without {@code i}, {@code l}, {@code o},
 * {@code u}), 50 random bits, shown in lower case as {@code xxxxx-xxxxx}. What the user types is read leniently:
 * case, spaces and dashes do not matter, and {@code i}/{@code l} are read as {@code 1}, {@code o} as {@code 0}.
 *
 * <p>Only a code's {@link #hash} is stored. The codes are random and high-entropy (50 bits each, and an attacker
 * must also get past the password), so a fast hash, SHA-256, is enough: a slow password hash protects guessable
 * secrets, which these are not.
 */
public final class RecoveryCodes {

    /** Length of a code without its dash. */
    public static final int LENGTH = 10;

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

    private RecoveryCodes() {}

    /**
     * @return {@code count} distinct new codes, each shown as {@code xxxxx-xxxxx}
     * @throws IllegalArgumentException when {@code count} is not positive
     */
    public static List<String> generate(SecureRandom random, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one recovery code, not " + count);
        }
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int i = 0; i < LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.insert(LENGTH / 2, '-').toString());
        }
        return List.copyOf(codes);
    }

    /**
     * @return the code as it is hashed: surrounding white space, inner spaces and dashes removed, lower case, with
     *         {@code i}/{@code l} read as {@code 1} and {@code o} as {@code 0}; {@code ""} for {@code null} and for
     *         anything that is then not 10 characters of the alphabet
     */
    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        String compact = input.strip()
                .replace(" ", "")
                .replace("-", "")
                .toLowerCase(Locale.ROOT)
                .replace('i', '1')
                .replace('l', '1')
                .replace('o', '0');
        if (compact.length() != LENGTH) {
            return "";
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                return "";
            }
        }
        return compact;
    }

    /** @return whether the input, read leniently (see {@link #normalize}), is a recovery code */
    public static boolean isWellFormed(String input) {
        return !normalize(input).isEmpty();
    }

    /**
     * @return the SHA-256 of the {@linkplain #normalize normalized} code, URL-safe base64 without padding (43
     *         characters): what is stored, and what a typed code is looked up by
     * @throws IllegalArgumentException when the input is not {@linkplain #isWellFormed well-formed}
     */
    public static String hash(String input) {
        String code = normalize(input);
        if (code.isEmpty()) {
            throw new IllegalArgumentException("Not a recovery code; check isWellFormed first");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
