package dev.usersession.internal.security;

import dev.usersession.UserSessionConfig;
import dev.usersession.internal.context.SessionTokens;
import dev.usersession.internal.request.RawCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.logging.Logger;

/**
 * Reads the session token from a request and writes the session cookie. The cookie is
 * {@code __Host-usersession=<token>; Path=/; Max-Age=<absolute timeout>; Secure; HttpOnly; SameSite=Lax} by default,
 * with no Domain. The token is taken only from the cookie (or from {@code Authorization: Bearer} when enabled),
 * never from the URL. With {@code usersession.cookie.secure=false} it logs a warning when the application starts.
 */
@ApplicationScoped
public class SessionCookie {

    private static final String BEARER = "Bearer ";
    private static final Logger LOG = Logger.getLogger(SessionCookie.class.getName());

    @Inject
    UserSessionConfig config;

    /** Says at startup, once, what protection a cookie without {@code Secure} gives up. */
    void warnIfNotSecure(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!config.cookieSecure()) {
            LOG.warning("usersession.cookie.secure=false: the session cookie is sent without Secure and without the "
                    + "__Host- prefix. Browsers then send it over plain http too, where anyone on the network can "
                    + "read and reuse it, and a plain-http page or another subdomain can set or overwrite it "
                    + "(session fixation). Use this only for local development over http.");
        }
    }

    /** @return what the request presented, checked for form before any query */
    public PresentedToken read(HttpServletRequest request) {
        List<String> values = RawCookies.values(request, config.cookieName());
        int found = values.size();
        String value = found == 0 ? null : values.get(0);
        if (found > 1) {
            return PresentedToken.malformed(true);
        }
        if (found == 1) {
            return SessionTokens.isWellFormed(value)
                    ? new PresentedToken(PresentedToken.Kind.WELL_FORMED, value, true)
                    : PresentedToken.malformed(true);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && config.bearerEnabled() && authorization.startsWith(BEARER)) {
            String token = authorization.substring(BEARER.length()).trim();
            return SessionTokens.isWellFormed(token)
                    ? new PresentedToken(PresentedToken.Kind.WELL_FORMED, token, false)
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
        return RawCookies.header(
                config.cookieName(), value, maxAgeSeconds, config.cookieSecure(), config.cookieSameSite());
    }
}
