package dev.usersession.internal.errors;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers of every response the library writes itself (its endpoints under {@code /usersession/}, and its error
 * answers): the browser must not guess another content type than the one sent ({@code X-Content-Type-Options}), and
 * no page may show them in a frame ({@code X-Frame-Options} for older browsers, CSP {@code frame-ancestors} for the
 * others), so that a login or a sessions page cannot be overlaid for clickjacking. Responses of the application are
 * the application's to secure: the library never adds these to them.
 */
public final class OwnResponseHeaders {

    private OwnResponseHeaders() {}

    /** Sets the headers on a response the library writes (again after a reset). */
    public static void set(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    }
}
