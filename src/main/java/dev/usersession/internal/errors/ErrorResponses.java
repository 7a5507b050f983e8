package dev.usersession.internal.errors;

import dev.usersession.UserSessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the library's error responses: a status and a short body, JSON when the client accepts JSON, plain text
 * otherwise, never a stack trace.
 */
@ApplicationScoped
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    @Inject
    UserSessionConfig config;

    /**
     * Answers with the response the library exception among the exception's causes stands for (see
     * {@link Failure#of}); see {@link Failure#reported} for what is logged.
     *
     * @return false when no library exception is among the causes: the caller rethrows the exception, so that the
     *     application's own error handling (its error pages, or the container's 500) answers it
     */
    public boolean write(HttpServletRequest request, HttpServletResponse response, Throwable thrown) {
        Failure failure = Failure.reported(thrown, request.getRequestURI());
        if (failure == null) {
            return false;
        }
        if (response.isCommitted()) {
            LOG.log(
                    Level.SEVERE,
                    "Cannot answer " + failure.status() + " to " + request.getRequestURI()
                            + ": the response was already committed",
                    failure.isUnavailable() ? null : thrown);
            return true;
        }
        write(request, response, failure);
        return true;
    }

    /**
     * Answers with a failure of the catalogue: its status, a {@code Retry-After} header when it has one, and its code
     * and sentence as a short body. The body's length is set, so the response is committed when this returns.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, Failure failure) {
        write(request, response, failure, Map.of());
    }

    /** As {@link #write(HttpServletRequest, HttpServletResponse, Failure)}, with these headers besides. */
    public void write(
            HttpServletRequest request, HttpServletResponse response, Failure failure, Map<String, String> headers) {
        resetKeepingLibraryCookies(response);
        headers.forEach(response::setHeader);
        response.setStatus(failure.status());
        response.setHeader("Cache-Control", "no-store");
        if (failure.retryAfterSeconds() != null) {
            response.setHeader("Retry-After", failure.retryAfterSeconds());
        }
        response.setCharacterEncoding("UTF-8");
        String body;
        if (wantsJson(request)) {
            response.setContentType("application/json");
            body = json(failure);
        } else {
            response.setContentType("text/plain");
            body = failure.message() + "\n";
        }
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            try {
                response.getOutputStream().write(bytes);
            } catch (IllegalStateException writerInUse) {
                response.getWriter().write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Resets the response (status, headers, buffer) but keeps the library's own cookies set so far in this request: a
     * session opened or renewed, a rotated "keep me signed in" token, a login step begun or ended, a device cookie.
     * Each of them stands for something the server has already stored, so the browser must learn it even when the
     * request ends in an error (else, for example, a rotated remember-me token would come back later as a copy). What
     * follows is the library's own answer, so it gets {@link OwnResponseHeaders}.
     */
    public void resetKeepingLibraryCookies(HttpServletResponse response) {
        String prefix = config.cookieName();
        List<String> kept = response.getHeaders("Set-Cookie").stream()
                .filter(header -> header.startsWith(prefix + "=") || header.startsWith(prefix + "-"))
                .toList();
        response.reset();
        kept.forEach(header -> response.addHeader("Set-Cookie", header));
        OwnResponseHeaders.set(response);
    }

    /** @return the failure's JSON body: {@code {"error": code, "message": sentence}} */
    public static String json(Failure failure) {
        return Json.createObjectBuilder()
                .add("error", failure.code())
                .add("message", failure.message())
                .build()
                .toString();
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String contentType = request.getContentType();
        return (accept != null && accept.contains("json")) || (contentType != null && contentType.contains("json"));
    }
}
