package dev.usersession;

import dev.usersession.auth.RequiresLogin;

/**
 * How strongly a session's user proved who they are, after NIST SP 800-63B's authenticator assurance levels. A
 * session keeps the highest level reached since its login; {@link RequiresLogin#level()} asks for one.
 */
public enum AssuranceLevel {
    /** One factor: a password, or a passkey used without user verification. */
    AAL1,
    /**
     * Two factors: a password and a one-time code (or a recovery code, or a passkey as the second step), or a passkey
     * whose authenticator verified the user (a PIN or biometric: a multi-factor cryptographic authenticator).
     */
    AAL2;

    /** @return whether this level is at least {@code required} */
    public boolean satisfies(AssuranceLevel required) {
        return compareTo(required) >= 0;
    }
}
