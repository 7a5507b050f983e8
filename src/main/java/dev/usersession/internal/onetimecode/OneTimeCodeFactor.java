package dev.usersession.internal.onetimecode;

import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionStoreException;
import dev.usersession.auth.FactorRefusedException;
import dev.usersession.auth.FactorRefusedException.Reason;
import dev.usersession.auth.OneTimeCodeEnrollment;
import dev.usersession.internal.context.SessionTokens;
import dev.usersession.internal.login.LoginGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * One-time codes (RFC 6238, 6 digits, 30 s, a step either side) and recovery codes of users. Enrollment creates a
 * secret (sealed in the database with {@code usersession.totp.key}), shows it once, and counts only once a first code
 * confirms it; confirming gives ten single-use recovery codes, stored as hashes. A code is accepted once: its time
 * step must be later than the last accepted one, moved forward in one guarded statement. Throttling of code
 * attempts is the caller's ({@link LoginGuard}).
 */
@ApplicationScoped
public class OneTimeCodeFactor {

    /** How many recovery codes a user gets. */
    public static final int RECOVERY_CODES = 10;

    private static final Logger LOG = Logger.getLogger(OneTimeCodeFactor.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OneTimeCodeAlgorithm TOTP = OneTimeCodeAlgorithm.standard();

    @Inject
    JpaOneTimeCodes codes;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    /** @return whether the user has confirmed one-time codes (a login then needs a second factor) */
    public boolean isEnabled(String userName) {
        return codes.find(userName).filter(StoredOneTimeCodeSecret::confirmed).isPresent();
    }

    /**
     * Creates a new secret for the user (replacing one not yet confirmed).
     *
     * @throws FactorRefusedException ({@code ALREADY_ENABLED}) when the user has confirmed codes
     */
    public OneTimeCodeEnrollment enroll(String userName) {
        if (isEnabled(userName)) {
            throw new FactorRefusedException(Reason.ALREADY_ENABLED, userName + " already has one-time codes");
        }
        byte[] secret = OneTimeCodeAlgorithm.newSecret(RANDOM);
        SecretSealing sealing = sealing();
        if (!sealing.encrypts()) {
            LOG.warning("usersession.totp.key is not set: one-time code secrets are stored unsealed");
        }
        codes.saveUnconfirmed(userName, sealing.seal(secret, userName), clock.now());
        // The account label is only shown by the app; the key URI format allows no ':' in it.
        String uri = TOTP.otpauthUri(
                config.factorsIssuer(), userName.isBlank() ? "user" : userName.replace(':', '.'), secret);
        return new OneTimeCodeEnrollment(uri, QrCodes.svgDataUri(uri), OneTimeCodeAlgorithm.base32(secret));
    }

    /**
     * Confirms the user's new secret with a first code.
     *
     * @return the user's ten recovery codes, shown once
     * @throws FactorRefusedException when the code is malformed or wrong, or nothing waits for confirmation
     */
    public List<String> confirm(String userName, String code) {
        StoredOneTimeCodeSecret stored = codes.find(userName)
                .filter(totp -> !totp.confirmed())
                .orElseThrow(() ->
                        new FactorRefusedException(Reason.NOT_ENABLED, userName + " has no one-time codes to confirm"));
        long step = matchingStep(stored, code);
        if (!codes.useStep(userName, step, true)) {
            throw wrongCode(userName);
        }
        return newRecoveryCodes(userName);
    }

    /**
     * Checks a one-time code, or else a recovery code, of a user with confirmed codes, and uses it up.
     *
     * @throws FactorRefusedException when it is malformed, wrong or used, or the user has no codes
     */
    public void verify(String userName, String code) {
        Optional<StoredOneTimeCodeSecret> stored = codes.find(userName).filter(StoredOneTimeCodeSecret::confirmed);
        if (stored.isEmpty()) {
            throw new FactorRefusedException(Reason.NOT_ENABLED, userName + " has no one-time codes");
        }
        if (isRecoveryCode(code)) {
            if (!codes.useRecoveryCode(userName, recoveryCodeId(userName, code))) {
                throw wrongCode(userName);
            }
            LOG.info("A recovery code of " + userName + " was used; " + codes.recoveryCodesLeft(userName) + " left");
            return;
        }
        long step = matchingStep(stored.get(), code);
        if (!codes.useStep(userName, step, false)) {
            throw wrongCode(userName);
        }
    }

    /** @return whether what the user entered is read as a recovery code rather than a one-time code */
    public static boolean isRecoveryCode(String code) {
        return RecoveryCodes.isWellFormed(code)
                && !OneTimeCodeAlgorithm.isWellFormed(code, OneTimeCodeAlgorithm.STANDARD_DIGITS);
    }

    /** @return ten new recovery codes for the user, replacing the old ones */
    public List<String> newRecoveryCodes(String userName) {
        List<String> recovery = RecoveryCodes.generate(RANDOM, RECOVERY_CODES);
        codes.replaceRecoveryCodes(
                userName,
                recovery.stream().map(code -> recoveryCodeId(userName, code)).toList(),
                clock.now());
        return recovery;
    }

    /** @return how many unused recovery codes the user has */
    public long recoveryCodesLeft(String userName) {
        return codes.recoveryCodesLeft(userName);
    }

    /** Removes the user's secret and recovery codes. @return whether there was a secret */
    public boolean disable(String userName) {
        return codes.delete(userName);
    }

    private long matchingStep(StoredOneTimeCodeSecret stored, String code) {
        if (!OneTimeCodeAlgorithm.isWellFormed(code, OneTimeCodeAlgorithm.STANDARD_DIGITS)) {
            throw new FactorRefusedException(Reason.MALFORMED_CODE, "Not a one-time code");
        }
        byte[] secret;
        try {
            secret = sealing().open(stored.sealedSecret(), stored.userName());
        } catch (IllegalStateException unopenable) {
            // Fails closed, once per attempt, with a clear cause (usersession.totp.key changed or set after
            // enrollment, or the row was altered): an operator's problem, answered 503 rather than 500.
            throw new UserSessionStoreException(
                    "The stored one-time code secret of " + stored.userName()
                            + " cannot be opened with the configured usersession.totp.key",
                    unopenable);
        }
        OptionalLong step = TOTP.verify(secret, code, clock.now(), stored.lastStep());
        if (step.isEmpty()) {
            throw wrongCode(stored.userName());
        }
        return step.getAsLong();
    }

    private static String recoveryCodeId(String userName, String code) {
        return SessionTokens.hash(userName + "\n" + RecoveryCodes.normalize(code));
    }

    private static FactorRefusedException wrongCode(String userName) {
        return new FactorRefusedException(Reason.WRONG_CODE, "A wrong or used code for " + userName);
    }

    private SecretSealing sealing() {
        String key = config.totpKey();
        return key.isEmpty() ? SecretSealing.withoutKey() : SecretSealing.fromBase64Key(key);
    }
}
