package dev.usersession.admin;

import java.time.Instant;

/**
 * A security-relevant event, fired as a CDI event (observe {@code AuditEvent}) and written as one JSON line to the
 * logger {@code dev.usersession.audit} (level INFO): {@code {"time":..., "event":"login_failed", "user":...,
 * "session":..., "client":..., "agent":..., "detail":..., "actor":...}}. It never carries a token, a password, a code
 * or a secret.
 *
 * @param type what happened
 * @param time when
 * @param userName whose account or session, as submitted for a failed login (may name no account); may be empty
 * @param sessionId the session's id (the SHA-256 of its token, never the token), or empty
 * @param clientAddress the client's address, or empty outside a request
 * @param userAgent the client's {@code User-Agent}, or empty
 * @param detail more about it (a reason, a factor, groups), or empty
 * @param actor who did it, when not the user (an administrator's name), or empty
 */
public record AuditEvent(
        Type type,
        Instant time,
        String userName,
        String sessionId,
        String clientAddress,
        String userAgent,
        String detail,
        String actor) {

    /** What happened. */
    public enum Type {
        /** A login opened a session (detail: how: password, second factor, passkey, remember-me, other mechanism). */
        LOGIN_SUCCEEDED,
        /** A wrong user name or password, or a refused passkey. */
        LOGIN_FAILED,
        /** A login or code attempt refused before any check, because of earlier failures (detail: locked or wait). */
        LOGIN_THROTTLED,
        /** A right password of a user with one-time codes: the login waits for its second factor. */
        SECOND_FACTOR_PENDING,
        /**
         * The library's identity store accepted a password for another mechanism (Basic, a form or a mechanism of the
         * application's own); that mechanism authenticates the request, no library session is opened by it.
         */
        PASSWORD_ACCEPTED,
        /**
         * A right password of a user with a second factor, checked by the library's identity store for another
         * mechanism: refused, since a password alone never authenticates such a user; or another mechanism's caller
         * with a second factor that the mechanism did not vouch for, who got no library session.
         */
        SECOND_FACTOR_BYPASS_REFUSED,
        /** A wrong, used or malformed one-time or recovery code. */
        SECOND_FACTOR_FAILED,
        /** A session ended (detail: the reason: logout, expired, revoked, renewed). */
        SESSION_ENDED,
        /** A logged-in user proved a factor again (detail: the factor). */
        REAUTHENTICATED,
        /** A password was changed by its user or reset by an administrator. */
        PASSWORD_CHANGED,
        /** An account's groups changed (detail: the new groups). */
        GROUPS_CHANGED,
        /** An account was disabled. */
        ACCOUNT_DISABLED,
        /** An account was deleted. */
        ACCOUNT_DELETED,
        /** A factor was added (detail: one-time codes, or the passkey's name). */
        FACTOR_ENROLLED,
        /** A factor was removed (detail: which). */
        FACTOR_REMOVED,
        /** A copied "keep me signed in" cookie was detected; everything of the user was ended. */
        REMEMBER_ME_STOLEN,
        /** The browser of a session bound it to a key it keeps (detail: the key's algorithm, ES256 or RS256). */
        DEVICE_BOUND,
        /**
         * A proof of a browser key was refused: a wrong signature, key or algorithm, a challenge not issued or already
         * used (detail: why; at registration or refresh).
         */
        DEVICE_BINDING_REFUSED,
        /** An administrator looked at the stored state of a session (actor: the administrator). */
        ADMIN_VIEWED_STATE,
        /** An administrator ended a session (actor: the administrator). */
        ADMIN_ENDED_SESSION,
        /** An administrator ended every session of a user (actor: the administrator; detail: how many). */
        ADMIN_ENDED_USER_SESSIONS
    }

    /** Turns missing values into empty ones. */
    public AuditEvent {
        userName = userName == null ? "" : userName;
        sessionId = sessionId == null ? "" : sessionId;
        clientAddress = clientAddress == null ? "" : clientAddress;
        userAgent = userAgent == null ? "" : userAgent;
        detail = detail == null ? "" : detail;
        actor = actor == null ? "" : actor;
    }
}
