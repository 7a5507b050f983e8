package dev.usersession.admin;

import dev.usersession.EndReason;
import dev.usersession.UserSessionInfo;
import dev.usersession.auth.AccessDeniedException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.ReauthenticationRequiredException;
import dev.usersession.auth.SecondFactorRequiredException;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * What an administrator does with other users' sessions: find them (by user name prefix, client, age; page by page,
 * newest first, at the same cost on any page of a million rows), look at the state a session's {@code @UserSession}
 * beans stored, end one session or all of a user's. The library's {@code /usersession/admin} endpoints are built on
 * it. Inject it anywhere ({@code @Inject UserSessionAdmin admin;}); the library provides its one implementation,
 * applications do not implement it.
 *
 * <p>Every method needs an administrator who proved who they are recently, checked on every call: a library session
 * (else {@link NotLoggedInException}); the group {@code usersession.admin.role} (default {@code usersession-admin}) in
 * the identity store's current answer for the caller, not in the groups the session copied at login (else
 * {@link AccessDeniedException}); a proof of identity from the last {@code usersession.admin.recent} (default 15
 * minutes; else {@link ReauthenticationRequiredException}, so a session restored by "keep me signed in" is refused
 * until the administrator re-authenticates); and, for an administrator with one-time codes, AAL2 with a second factor
 * proved within that window (else {@link SecondFactorRequiredException}). Looking at stored state and ending sessions
 * are audited ({@link AuditEvent}, with the administrator as the actor). Nothing it returns holds a token: a session's
 * id is the SHA-256 of its token.
 */
public interface UserSessionAdmin {

    /**
     * @return one page of live sessions that match the query, newest first
     * @throws IllegalArgumentException when the query's cursor is not one this API made
     */
    SessionPage find(SessionQuery query);

    /** @return the live session with this id */
    Optional<UserSessionInfo> session(String sessionId);

    /**
     * Shows what a session's beans stored, by bean class: the values of the fields the application marked
     * {@link AdminVisible}, and the names and sizes of the others, each bean as
     * {@code {"shown":{...},"hidden":{...}}} ({@code hidden} gives every other field the size of its stored JSON
     * value in characters, never the value, so that a field nobody thought about is never shown; a state that is not
     * a JSON object shows a note, never its text). A stored state whose bean class this deployment does not have
     * shows no value. Audited as {@link AuditEvent.Type#ADMIN_VIEWED_STATE}.
     *
     * @return the stored state by bean class; empty when the session does not exist (or ended)
     */
    Optional<Map<String, JsonValue>> storedState(String sessionId);

    /**
     * Ends a session (reason {@link EndReason#REVOKED}). Audited as {@link AuditEvent.Type#ADMIN_ENDED_SESSION}.
     *
     * @return whether this call ended it (false when there was no such live session)
     */
    boolean end(String sessionId);

    /**
     * Ends every session of a user and every "keep me signed in" of the user's browsers (reason
     * {@link EndReason#REVOKED}). Audited as {@link AuditEvent.Type#ADMIN_ENDED_USER_SESSIONS}.
     *
     * @return how many sessions ended
     */
    int endAllFor(String userName);
}
