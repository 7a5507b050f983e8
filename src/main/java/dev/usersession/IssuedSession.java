package dev.usersession;

/**
 * A session just opened, with the secret token that the client must present. The token is shown only here; the
 * library stores nothing but its SHA-256 hash, which is the session's {@link UserSessionInfo#id() id}.
 *
 * @param token the secret bearer token (256 random bits, URL-safe base64 without padding)
 * @param session the new session
 */
public record IssuedSession(String token, UserSessionInfo session) {

    @Override
    public String toString() {
        return "IssuedSession[session=" + session + "]";
    }
}
