package dev.usersession;

/** Why a user session ended; carried by {@link UserSessionEnded}. */
public enum EndReason {
    /** The user logged out. */
    LOGOUT,
    /** The idle or the absolute timeout passed. */
    EXPIRED,
    /** The user, an administrator or the application ended the session (another device, password change, cap). */
    REVOKED,
    /**
     * The session goes on under a new token (a re-login, or a change of the user's password or groups): its state
     * moved to the session that the following {@code @Initialized(UserSession.class)} announces.
     */
    RENEWED
}
