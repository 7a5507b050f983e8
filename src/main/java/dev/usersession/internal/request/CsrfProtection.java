package dev.usersession.internal.request;

import dev.usersession.UserSessionConfig;
import dev.usersession.internal.context.SessionTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Refuses cross-site state-changing requests that the browser authenticated with the session cookie. A request with
 * method POST, PUT, PATCH or DELETE passes when {@code Sec-Fetch-Site} is {@code same-origin} or {@code none}; else
 * when its {@code Origin} is one of {@code usersession.allowed-origins} (whatever {@code Sec-Fetch-Site} says), or,
 * from a browser that sent no {@code Sec-Fetch-Site}, when the {@code Origin} is this application's own: the request's
 * scheme and its {@code Host}, so that {@code http://host} is another origin than {@code https://host}; else, when the
 * browser sent neither header, when it carries the session's CSRF token in an {@code X-CSRF-Token} header. Behind a
 * proxy that ends TLS, the server sees the scheme the proxy used: let the server take it from the proxy's forwarded
 * headers, or list the public origin in {@code usersession.allowed-origins}. The SameSite cookie attribute is the
 * second line of defence, not the only one.
 */
@ApplicationScoped
public class CsrfProtection {

    /** The header that carries the session's CSRF token. */
    public static final String TOKEN_HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    UserSessionConfig config;

    /** @return whether the request may go on; {@code sessionToken} may be {@code null} (a login) */
    public boolean allows(HttpServletRequest request, String sessionToken) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        String origin = request.getHeader("Origin");
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none") || isAllowedOrigin(origin);
        }
        if (origin != null) {
            return isOwnOrigin(request, origin) || isAllowedOrigin(origin);
        }
        if (sessionToken == null) {
            return true;
        }
        String presented = request.getHeader(TOKEN_HEADER);
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.US_ASCII),
                        tokenFor(sessionToken).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @return the CSRF token of a session: derived from its secret token, so it needs no storage and changes with
     *     every login
     */
    public static String tokenFor(String sessionToken) {
        return SessionTokens.hash("csrf:" + sessionToken);
    }

    private boolean isAllowedOrigin(String origin) {
        return origin != null && config.allowedOrigins().contains(origin);
    }

    private static boolean isOwnOrigin(HttpServletRequest request, String origin) {
        String host = request.getHeader("Host");
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null
                    && authority.equalsIgnoreCase(host)
                    && uri.getScheme() != null
                    && uri.getScheme().equalsIgnoreCase(request.getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
