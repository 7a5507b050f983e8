package dev.usersession.security;

import dev.usersession.UserSessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * Reads the session token from a request and writes the session cookie. The cookie is
 * {@code __Host-usersession=<token>; Path=/; Max-Age=<absolute timeout>; Secure; HttpOnly; SameSite=Lax} by default,
 * with no Domain. The token is taken only from the cookie (or from {@code Authorization: Bearer} when enabled),
 * never from the URL.
 */
@ApplicationScoped
public class SessionCookie {

    private static final String BEARER = "Bearer ";

    @Inject
    UserSessionConfig config;

    /** @return what the request presented, checked for form before any query */
    public PresentedToken read(HttpServletRequest request) {
        List<String> values = RawCookies.values(request, config.cookieName());
        int found = values.size();
        String value = found == 0 ? null : values.get(0);
        if (found > 1) {
            return PresentedToken.malformed(true);
        }
        if (found == 1) {
            return SessionTokens.isWellFormed(value) ? new PresentedToken(PresentedToken.Kind.WELL_FORMED, value, true)
                    : PresentedToken.malformed(true);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && config.bearerEnabled() && authorization.startsWith(BEARER)) {
            String token = authorization.substring(BEARER.length()).trim();
            return SessionTokens.isWellFormed(token) ? new PresentedToken(PresentedToken.Kind.WELL_FORMED, token, false)
                    : PresentedToken.malformed(false);
        }
        return PresentedToken.NONE;
    }

    /** Sets the cookie to a new token, and forbids caching of the response that carries it. */
    public void set(HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", header(token, config.absoluteTimeout().toSeconds()));
        response.setHeader("Cache-Control", "no-store");
    }

    /** Tells the browser to drop the cookie. */
    public void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", header("", 0));
        response.setHeader("Cache-Control", "no-store");
    }

    private String header(String value, long maxAgeSeconds) {
        return RawCookies.header(config.cookieName(), value, maxAgeSeconds, config.cookieSecure(),
                config.cookieSameSite());
    }
}
