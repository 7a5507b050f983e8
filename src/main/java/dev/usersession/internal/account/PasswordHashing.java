package dev.usersession.internal.account;

import dev.usersession.UserSessionConfig;
import dev.usersession.internal.context.SessionTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Password hashes with the container's {@link Pbkdf2PasswordHash}, set to PBKDF2-HMAC-SHA256, 32-byte salt and key,
 * and {@code usersession.password.iterations} iterations (600,000 by default; the Jakarta default of 2,048 is far too
 * low). Checking a password for an unknown user costs the same hash work, against a hash made at startup. A stored
 * hash made with fewer iterations is replaced at the user's next successful login ({@link #isOutdated}).
 */
@ApplicationScoped
public class PasswordHashing {

    /** OWASP's minimum for PBKDF2-HMAC-SHA256 (2023). */
    public static final int MINIMUM_ITERATIONS = 600_000;

    private static final Logger LOG = Logger.getLogger(PasswordHashing.class.getName());

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    UserSessionConfig config;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    private String unknownUserHash;

    @PostConstruct
    void configure() {
        int iterations = config.passwordIterations();
        if (iterations < MINIMUM_ITERATIONS) {
            LOG.log(
                    Level.WARNING,
                    "usersession.password.iterations is {0}, below the minimum of {1}: " + "use this only in tests",
                    new Object[] {iterations, MINIMUM_ITERATIONS});
        }
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm",
                ALGORITHM,
                "Pbkdf2PasswordHash.Iterations",
                String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes",
                "32",
                "Pbkdf2PasswordHash.KeySizeBytes",
                "32"));
        unknownUserHash = hash.generate(SessionTokens.newToken().toCharArray());
    }

    /** @return the hash to store for a new password */
    public String hash(char[] password) {
        return hash.generate(password);
    }

    /**
     * @param storedHash a stored hash ({@code algorithm:iterations:salt:key}, as {@link Pbkdf2PasswordHash} writes it)
     * @return whether it was made with another algorithm or fewer iterations than configured now, so that it is to be
     *         replaced at the next successful login
     */
    public boolean isOutdated(String storedHash) {
        String[] parts = storedHash.split(":");
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            return true;
        }
        try {
            return Integer.parseInt(parts[1]) < config.passwordIterations();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * @param storedHash the account's hash, or {@code null} for an unknown user (the same work is done)
     * @return whether the password matches
     */
    public boolean verify(char[] password, String storedHash) {
        boolean matches = hash.verify(password, storedHash == null ? unknownUserHash : storedHash);
        return matches && storedHash != null;
    }
}
