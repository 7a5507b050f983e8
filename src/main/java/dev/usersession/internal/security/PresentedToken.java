package dev.usersession.internal.security;

import dev.usersession.internal.context.SessionTokens;

/**
 * What a request presented as its session token, after the checks that need no database: nothing, something that
 * cannot be a token (wrong length or alphabet, two cookies of the name, a bearer header when bearer is off), or a
 * well-formed token.
 *
 * @param kind which of those
 * @param token the token when well-formed, else {@code null}
 * @param fromCookie whether it came in the cookie (and so needs CSRF protection) rather than a bearer header
 */
public record PresentedToken(Kind kind, String token, boolean fromCookie) {

    /** What was presented. */
    public enum Kind {
        /** No cookie and no bearer header. */
        NONE,
        /** A value that can never be a token. */
        MALFORMED,
        /** A value of the exact form of a token; it may still be unknown or expired. */
        WELL_FORMED
    }

    static final PresentedToken NONE = new PresentedToken(Kind.NONE, null, false);

    static PresentedToken malformed(boolean fromCookie) {
        return new PresentedToken(Kind.MALFORMED, null, fromCookie);
    }

    /** @return the session id of a well-formed token */
    public String sessionId() {
        return SessionTokens.hash(token);
    }

    @Override
    public String toString() {
        return "PresentedToken[" + kind + (fromCookie ? ", cookie" : "") + "]";
    }
}
