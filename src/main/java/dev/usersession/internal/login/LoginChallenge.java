package dev.usersession.internal.login;

import java.time.Instant;
import java.util.Set;

/**
 * A short-lived, single-use step of a login or of a change of factors: a login waiting for its second factor, a
 * passkey ceremony's challenge, a re-authentication. Found by the SHA-256 of a random token that only the browser
 * holds (in a cookie); consumed (deleted) by the step that completes it.
 *
 * @param id the SHA-256 of the token
 * @param purpose what the step is for
 * @param userName whose step it is, or {@code null} (a passwordless passkey login does not know yet)
 * @param groups the groups the identity store gave at the password step (a pending login), else empty
 * @param sessionId the session the step belongs to (a passkey registration, a re-authentication), or {@code null}
 * @param challenge the WebAuthn challenge (URL-safe base64), or {@code null} before one was issued
 * @param passwordAt when the password was proved (a pending login), or {@code null}
 * @param credentialsVersion the account's credentials version read before the password was checked (a pending
 *     login of a library account), or {@code null}: a change of the password, groups or enablement since then makes
 *     the second step open no session
 * @param created when the step began
 * @param expires when it can no longer be completed
 */
public record LoginChallenge(
        String id,
        Purpose purpose,
        String userName,
        Set<String> groups,
        String sessionId,
        String challenge,
        Instant passwordAt,
        Long credentialsVersion,
        Instant created,
        Instant expires) {

    /** What a step is for. */
    public enum Purpose {
        /** A login whose password was right, waiting for a one-time code, a recovery code or a passkey. */
        SECOND_FACTOR,
        /** A passwordless login with a passkey. */
        PASSKEY_LOGIN,
        /** The registration of a passkey by a logged-in user. */
        PASSKEY_REGISTRATION,
        /** A re-authentication of a logged-in user with a passkey. */
        PASSKEY_REAUTHENTICATION
    }

    /** Copies the groups. */
    public LoginChallenge {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** @return whether the step can no longer be completed at {@code now} */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    /** @return this step with a WebAuthn challenge */
    public LoginChallenge withChallenge(String newChallenge) {
        return new LoginChallenge(
                id,
                purpose,
                userName,
                groups,
                sessionId,
                newChallenge,
                passwordAt,
                credentialsVersion,
                created,
                expires);
    }
}
