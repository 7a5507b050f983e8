package dev.usersession.security;

import dev.usersession.UserSessionConfig;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The paths of {@code usersession.mechanism.other-paths} (such as {@code /api/}): the application's other mechanism
 * authenticates there, and callers stay stateless (no library session is opened or bound). A class of its own because
 * {@link UserSessionMechanismHandler} cannot be loaded where Jakarta Security 4.0 is missing (WildFly 39), while
 * {@link CallerSessions} runs everywhere.
 */
final class OtherPaths {

    private OtherPaths() {
    }

    /** @return whether the request's path within the application starts with one of the other paths */
    static boolean contain(UserSessionConfig config, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return config.mechanismOtherPaths().stream().anyMatch(path::startsWith);
    }
}
