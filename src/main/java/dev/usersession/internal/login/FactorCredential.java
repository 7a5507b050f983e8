package dev.usersession.internal.login;

import jakarta.security.enterprise.credential.Credential;

/**
 * A credential that completes a pending step of a login (see {@link LoginChallenges}) rather than being checked by an
 * identity store: a one-time or recovery code for a login waiting for its second factor, or a passkey's assertion
 * (as that second factor, or as a passwordless login). The library's endpoints pass it to
 * {@code SecurityContext.authenticate}, so that the container learns about the caller as for any login.
 *
 * @param kind what is presented
 * @param value the code, or the passkey's assertion as JSON
 */
public record FactorCredential(Kind kind, String value) implements Credential {

    /** What a factor credential presents. */
    public enum Kind {
        /** A one-time or recovery code, completing a login that waits for its second factor. */
        CODE,
        /** A passkey assertion completing a login that waits for its second factor. */
        PASSKEY_SECOND_FACTOR,
        /** A passkey assertion: a passwordless login. */
        PASSKEY
    }

    @Override
    public String toString() {
        return "FactorCredential[" + kind + "]";
    }
}
