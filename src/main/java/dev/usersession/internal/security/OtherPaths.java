package dev.usersession.internal.security;

import dev.usersession.UserSessionConfig;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The paths of {@code usersession.mechanism.other-paths} (such as {@code /api/}): the application's other mechanism
 * authenticates there, and callers stay stateless (no library session is opened or bound). A class of its own because
 * {@link UserSessionMechanismHandler} cannot be loaded where Jakarta Security 4.0 is missing (WildFly 39), while
 * {@link CallerSessions} runs everywhere.
 */
final class OtherPaths {

    private OtherPaths() {}

    /**
     * @return whether the request's path within the application, as the server mapped it (decoded and normalised:
     *     servlet path and path info), starts with one of the other paths. Never the raw request URI: {@code /%61pi/},
     *     {@code /api;x=1/} or {@code /pages/../api/} reach {@code /api/}'s resources too, and must not take the
     *     session cookie there.
     */
    static boolean contain(UserSessionConfig config, HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return config.mechanismOtherPaths().stream().anyMatch(path::startsWith);
    }
}
