package dev.usersession.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the library's error responses: a status and a short body, JSON when the client accepts JSON, plain text
 * otherwise, never a stack trace.
 */
@ApplicationScoped
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());
    private static final String RETRY_AFTER_SECONDS = "5";

    /**
     * Answers with the response the exception stands for.
     *
     * @return false when the exception is not one of the library's (the caller rethrows it)
     */
    public boolean write(HttpServletRequest request, HttpServletResponse response, Throwable thrown) {
        Failure failure = Failure.of(thrown);
        if (failure == null) {
            return false;
        }
        if (failure.status() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            LOG.log(Level.WARNING, "Database failure while serving " + request.getRequestURI() + ": " + thrown);
        }
        if (response.isCommitted()) {
            LOG.log(Level.SEVERE, "Cannot answer " + failure.status() + " to " + request.getRequestURI()
                    + ": the response was already committed", thrown);
            return true;
        }
        write(request, response, failure.status(), failure.code(), failure.message(), failure.retryAfterSeconds());
        return true;
    }

    /** Answers with a status, a short code and a sentence (503 with a {@code Retry-After}). */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String message) {
        write(request, response, status, code, message,
                status == HttpServletResponse.SC_SERVICE_UNAVAILABLE ? RETRY_AFTER_SECONDS : null);
    }

    /**
     * Answers with a status, a short code, a sentence and a {@code Retry-After} header when {@code retryAfterSeconds}
     * is not {@code null}. The body's length is set, so the response is committed when this returns.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String message, String retryAfterSeconds) {
        response.reset();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        if (retryAfterSeconds != null) {
            response.setHeader("Retry-After", retryAfterSeconds);
        }
        response.setCharacterEncoding("UTF-8");
        String body;
        if (wantsJson(request)) {
            response.setContentType("application/json");
            body = Json.createObjectBuilder().add("error", code).add("message", message).build().toString();
        } else {
            response.setContentType("text/plain");
            body = message + "\n";
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

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String contentType = request.getContentType();
        return (accept != null && accept.contains("json")) || (contentType != null && contentType.contains("json"));
    }
}
