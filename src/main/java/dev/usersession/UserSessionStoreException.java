package dev.usersession;

import dev.usersession.auth.UserAccounts;

/**
 * The library's session store failed: its database could not be reached, or refused or lost one of the library's
 * own statements. Only failures of the library's own reads and writes (sessions, their {@code @UserSession} state,
 * accounts, login records) are reported so; whatever the application's own persistence code throws is never wrapped
 * in it and never answered by the library.
 *
 * <p>What was being written was not stored. A web request answers 503 Service Unavailable with {@code Retry-After}
 * (error code {@code unavailable}), and the library logs the failure once, with its cause. Code that calls
 * {@link UserSessions} or {@link UserAccounts} outside a request may catch it and retry later.
 */
public class UserSessionStoreException extends UserSessionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what the store was doing
     * @param cause the database's failure
     */
    public UserSessionStoreException(String message, Throwable cause) {
        super("unavailable", message, cause);
    }
}
