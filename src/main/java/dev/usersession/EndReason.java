package dev.usersession;

/** Why a user session ended; carried by {@link UserSessionEnded}. */
public enum EndReason {
    /** The user logged out. */
    LOGOUT,
    /** The idle or the absolute timeout passed. */
    EXPIRED,
    /** The user, an administrator or the application ended the session (another device, password change, cap). */
    REVOKED
}
