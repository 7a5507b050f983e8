package dev.usersession.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Sends a browser on after a form post, only ever to a path of this application (no open redirect). */
final class Redirects {

    private Redirects() {}

    /** Redirects with 303 See Other to {@code next} when it is a local path, else to {@code fallback}. */
    static void seeOther(HttpServletRequest request, HttpServletResponse response, String next, String fallback)
            throws IOException {
        String path = isLocalPath(next) ? next : fallback;
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }

    static boolean isLocalPath(String path) {
        return path != null
                && path.startsWith("/")
                && !path.startsWith("//")
                && !path.contains("\\")
                && path.chars().noneMatch(c -> c < 0x20);
    }
}
