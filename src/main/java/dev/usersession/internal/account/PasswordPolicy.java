package dev.usersession.internal.account;

import dev.usersession.auth.InvalidPasswordException;
import dev.usersession.auth.UserAccounts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a new password must meet (NIST SP 800-63B, 5.1.1.2): 8 to 1,024 characters (the maximum keeps hashing
 * bounded), not one of about 30,000 commonly used passwords, and not the user name nor containing it (names of three
 * characters or more); the last two compare case-insensitively. The list of common passwords is zxcvbn's (MIT
 * licence), copied into the jar at build time as {@code META-INF/usersession/common-passwords.txt} and read once,
 * when first needed.
 */
public final class PasswordPolicy {

    /** NIST SP 800-63B: at least 8 characters; the public API states the number. */
    public static final int MINIMUM_LENGTH = UserAccounts.MINIMUM_PASSWORD_LENGTH;
    /** Longer passwords are refused, so that hashing stays bounded; the public API states the number. */
    public static final int MAXIMUM_LENGTH = UserAccounts.MAXIMUM_PASSWORD_LENGTH;

    static final String COMMON_PASSWORDS = "/META-INF/usersession/common-passwords.txt";
    private static final int SHORTEST_NAME_TO_LOOK_FOR = 3;

    private PasswordPolicy() {}

    /**
     * @param userName the account's name
     * @throws InvalidPasswordException when the password breaks a rule, with a sentence saying which
     */
    public static void check(String userName, char[] password) {
        if (password == null || password.length < MINIMUM_LENGTH || password.length > MAXIMUM_LENGTH) {
            throw new InvalidPasswordException(
                    "A password must be " + MINIMUM_LENGTH + " to " + MAXIMUM_LENGTH + " characters long.");
        }
        String lowerCase = CharBuffer.wrap(password).toString().toLowerCase(Locale.ROOT);
        if (CommonPasswords.SET.contains(lowerCase)) {
            throw new InvalidPasswordException("This password is one of the most commonly used ones and easy to "
                    + "guess. Please choose another.");
        }
        String name = userName == null ? "" : userName.toLowerCase(Locale.ROOT);
        if (lowerCase.equals(name) || name.length() >= SHORTEST_NAME_TO_LOOK_FOR && lowerCase.contains(name)) {
            throw new InvalidPasswordException("A password must not contain the user name. Please choose another.");
        }
    }

    /** @return whether a password presented at login is longer than any password can be (refused before hashing) */
    public static boolean isTooLong(String password) {
        return password.length() > MAXIMUM_LENGTH;
    }

    /** The list, loaded when the holder class is first used. */
    private static final class CommonPasswords {
        static final Set<String> SET = load();

        private static Set<String> load() {
            InputStream list = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS);
            if (list == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the usersession jar");
            }
            Set<String> passwords = new HashSet<>(40_000);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        passwords.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + COMMON_PASSWORDS, e);
            }
            return Set.copyOf(passwords);
        }

        private CommonPasswords() {}
    }
}
