package dev.usersession.security;

import dev.usersession.UserSessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;

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
        // The raw header is read, not the container's parsed cookies: containers refuse some hostile values with an
        // exception (a 500), and a duplicated cookie must be seen to be refused.
        String prefix = config.cookieName() + "=";
        String value = null;
        int found = 0;
        Enumeration<String> headers = request.getHeaders("Cookie");
        while (headers != null && headers.hasMoreElements()) {
            for (String pair : headers.nextElement().split(";")) {
                String trimmed = pair.strip();
                if (trimmed.startsWith(prefix)) {
                    found++;
                    value = trimmed.substring(prefix.length());
                }
            }
        }
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
        StringBuilder header = new StringBuilder(160)
                .append(config.cookieName()).append('=').append(value)
                .append("; Path=/; Max-Age=").append(maxAgeSeconds);
        if (config.cookieSecure()) {
            header.append("; Secure");
        }
        return header.append("; HttpOnly; SameSite=").append(config.cookieSameSite()).toString();
    }
}
