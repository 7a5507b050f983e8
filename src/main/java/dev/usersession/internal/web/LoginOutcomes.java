package dev.usersession.internal.web;

import dev.usersession.UserSessionConfig;
import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.request.RequestAttributes;
import dev.usersession.internal.security.DefaultUserSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers a login step of the library's endpoints (password, second factor, passkey): 200 with the user, groups and
 * CSRF token (JSON) or a redirect to {@code next} (a form) on success; on failure the one {@link Failure} that says
 * why (the store was unavailable, the name is locked or throttled, the session cap, a second factor is now needed, a
 * code or passkey was refused, or a wrong credential), as JSON or as a redirect to the login page with
 * {@code ?error=<code>}.
 */
@ApplicationScoped
public class LoginOutcomes {

    @Inject
    DefaultUserSessions sessions;

    @Inject
    UserSessionConfig config;

    @Inject
    ErrorResponses errors;

    public void answer(
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationStatus status,
            boolean json,
            String next)
            throws IOException {
        if (status == AuthenticationStatus.SUCCESS) {
            if (json) {
                loggedIn(request, response);
            } else {
                Redirects.seeOther(request, response, next, "/");
            }
            return;
        }
        Failure failure = failure(request);
        if (json) {
            errors.write(request, response, failure); // keeps the cookie of a step this login began or ended
        } else {
            errors.resetKeepingLibraryCookies(response);
            Redirects.seeOther(request, response, config.loginPage() + "?error=" + failure.code(), "/");
        }
    }

    private void loggedIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var info = sessions.current().orElseThrow();
        var groups = Json.createArrayBuilder();
        info.groups().stream().sorted().forEach(groups::add);
        response.setStatus(HttpServletResponse.SC_OK);
        JsonResponses.write(
                response,
                Json.createObjectBuilder()
                        .add("user", info.userName())
                        .add("groups", groups)
                        .add("level", info.proofs().level().name())
                        .add("csrfToken", RequestAttributes.csrfToken(request).orElse(""))
                        .build());
    }

    private static Failure failure(HttpServletRequest request) {
        Optional<Duration> retryAfter = RequestAttributes.loginRetryAfter(request);
        Failure failure;
        if (RequestAttributes.loginUnavailable(request)) {
            failure = Failure.UNAVAILABLE;
        } else if (RequestAttributes.loginLocked(request)) {
            failure = Failure.LOGIN_LOCKED;
        } else if (retryAfter.isPresent()) {
            failure = Failure.throttled(seconds(retryAfter.get()));
        } else if (RequestAttributes.loginRefusedBySessionLimit(request)) {
            failure = Failure.SESSION_LIMIT;
        } else if (RequestAttributes.secondFactorPending(request)) {
            failure = Failure.SECOND_FACTOR_REQUIRED;
        } else {
            failure = RequestAttributes.factorRefused(request)
                    .map(Failure::refused)
                    .orElse(Failure.LOGIN_INVALID);
        }
        return retryAfter.isPresent() ? failure.retryAfter(seconds(retryAfter.get())) : failure;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
