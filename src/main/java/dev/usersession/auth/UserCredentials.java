package dev.usersession.auth;

import dev.usersession.AssuranceLevel;
import java.util.List;

/**
 * The current user's proofs of identity, from Java: re-authenticate (a password or a code proves the user again on
 * the same session, which then gets a new token), enable one-time codes (RFC 6238 authenticator apps) with recovery
 * codes, and list or remove passkeys. Every method works on the session bound to the current request and throws
 * {@link NotLoggedInException} without one. Enrolling, confirming or disabling codes, making new recovery codes and
 * adding or removing a passkey need a proof from the last {@code usersession.factors.recent} (5 minutes), else
 * {@link ReauthenticationRequiredException}; for an account with codes or a passkey that proof must be a code or a
 * passkey, else {@link SecondFactorRequiredException} (a stolen cookie and the saved password are not enough). Adding
 * or removing a factor ends the user's other sessions and renews this one.
 * Wrong passwords and codes are throttled like logins ({@link TooManyAttemptsException}). Inject it
 * ({@code @Inject UserCredentials credentials;}); the library provides its one implementation, applications do not
 * implement it.
 *
 * <p>The same operations are served over HTTP under {@code /usersession/reauthenticate}, {@code /usersession/totp}
 * and {@code /usersession/passkeys} (see the README).
 */
public interface UserCredentials {

    /**
     * Proves the current user's password again: the session records it and gets a new token (sent as a new cookie
     * with the response), keeping its state.
     *
     * @return false when the password is wrong (nothing changes)
     * @throws TooManyAttemptsException when the password was guessed wrong too often (nothing is checked)
     */
    boolean reauthenticate(char[] password);

    /**
     * Proves the current user again with a one-time or recovery code: the session records it, reaches
     * {@link AssuranceLevel#AAL2} and gets a new token.
     *
     * @throws FactorRefusedException when the code is malformed, wrong or used, or the user has no codes
     * @throws TooManyAttemptsException when codes were guessed wrong too often
     */
    void reauthenticateWithCode(String code);

    /** @return whether the current user has confirmed one-time codes */
    boolean oneTimeCodesEnabled();

    /**
     * Creates a new one-time code secret for the current user, to show once (a QR code). It counts once confirmed.
     * Needs a recent proof: a stolen session cookie must not add a factor of the thief's.
     *
     * @throws FactorRefusedException ({@code ALREADY_ENABLED}) when codes are enabled already
     */
    OneTimeCodeEnrollment enrollOneTimeCodes();

    /**
     * Confirms the new secret with a first code (throttled like a login): from now on a login needs a code. Needs a
     * recent proof. The session gets a new token; it proves nothing more than before (a code of a secret just handed
     * out says nothing about who the user is).
     *
     * @return ten single-use recovery codes, shown only now
     * @throws FactorRefusedException when the code is wrong or no enrollment waits
     * @throws TooManyAttemptsException when codes were guessed wrong too often
     */
    List<String> confirmOneTimeCodes(String code);

    /**
     * Checks that the current user proved who they are within {@code usersession.factors.recent}, with a code or a
     * passkey when the account has a second factor (the library asks it before a factor is added, disabled or
     * removed).
     *
     * @throws ReauthenticationRequiredException when the last proof is older
     * @throws SecondFactorRequiredException when the account has a second factor and none was proved within it
     * @throws NotLoggedInException without a session
     */
    void requireRecentProof();

    /**
     * Turns one-time codes off (and deletes the recovery codes). Needs a recent proof.
     *
     * @return whether codes were enabled
     */
    boolean disableOneTimeCodes();

    /** @return ten new recovery codes replacing the old ones, shown only now; needs a recent proof */
    List<String> newRecoveryCodes();

    /** @return how many unused recovery codes the current user has */
    long recoveryCodesLeft();

    /** @return the current user's passkeys, oldest first */
    List<PasskeyInfo> passkeys();

    /** Removes one of the current user's passkeys; needs a recent proof. @return whether it was the user's */
    boolean removePasskey(String id);
}
