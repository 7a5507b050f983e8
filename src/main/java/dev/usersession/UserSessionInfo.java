package dev.usersession;

import java.time.Instant;
import java.util.Set;

/**
 * What the application may know about a user session: never its token. The {@code id} is the SHA-256 of the token,
 * a handle that names the session but cannot be used to authenticate.
 *
 * @param id the session's id (safe to show, to log and to pass to {@link UserSessions#end})
 * @param userName the caller's name
 * @param groups the caller's groups at login
 * @param created when the session started
 * @param lastAccess when the session was last used (updated lazily, see {@link UserSessionConfig})
 * @param idleExpiry when the session ends unless it is used before
 * @param absoluteExpiry when the session ends whatever happens
 * @param client a description of the client; for a login, the device named from its user agent and the address,
 *     such as "Firefox 133 on Windows from 203.0.113.7"; may be empty
 * @param proofs how and when the user last proved who they are in this session
 * @param deviceBound whether the session is bound to a key of its browser (Device Bound Session Credentials): its
 *     cookie then works only together with a short-lived cookie that only that browser can renew
 */
public record UserSessionInfo(
        String id,
        String userName,
        Set<String> groups,
        Instant created,
        Instant lastAccess,
        Instant idleExpiry,
        Instant absoluteExpiry,
        String client,
        SessionProofs proofs,
        boolean deviceBound) {

    /** Copies the groups into an immutable set and turns a missing client description into an empty one. */
    public UserSessionInfo {
        groups = Set.copyOf(groups);
        client = client == null ? "" : client;
        proofs = proofs == null ? SessionProofs.NONE : proofs;
    }
}
