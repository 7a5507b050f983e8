package dev.usersession.web;

import dev.usersession.errors.ErrorResponses;
import dev.usersession.errors.Failure;
import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessions;
import dev.usersession.security.CsrfProtection;
import dev.usersession.security.PasswordPolicy;
import dev.usersession.security.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /usersession/login}: logs in with {@code username} and {@code password}, sent as a form or as JSON.
 * JSON gets 200 with the user and groups, or 401 (wrong user or password: the same answer for both), 429 with
 * {@code Retry-After} ({@code throttled}: too many failures; {@code locked}: 100 failures in a row), 409 (session
 * limit) or 503; a password longer than any password can be gets 400 before any hashing, whatever the user name. A
 * form is redirected (303) to its {@code next} path on success, or to the login page with {@code ?error=...}.
 * Cross-site posts get 403.
 */
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = dev.usersession.security.SessionAuthentication.LOGIN_PATH;

    @Inject
    SecurityContext securityContext;

    @Inject
    CsrfProtection csrf;

    @Inject
    ErrorResponses errors;

    @Inject
    UserSessions sessions;

    @Inject
    UserSessionConfig config;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!csrf.allows(request, null)) {
            errors.write(request, response, Failure.CROSS_SITE);
            return;
        }
        RequestBodies.Fields fields = RequestBodies.read(request);
        Optional<String> username = fields.get("username");
        Optional<String> password = fields.get("password");
        if (username.isEmpty() || password.isEmpty()) {
            errors.write(request, response, Failure.LOGIN_INCOMPLETE);
            return;
        }
        if (PasswordPolicy.isTooLong(password.get())) {
            errors.write(request, response, Failure.passwordTooLong(PasswordPolicy.MAXIMUM_LENGTH));
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response, AuthenticationParameters
                .withParams()
                .credential(new UsernamePasswordCredential(username.get(), new Password(password.get())))
                .newAuthentication(true));
        boolean json = RequestBodies.isJson(request);
        if (status == AuthenticationStatus.SUCCESS) {
            if (json) {
                loggedIn(request, response);
            } else {
                Redirects.seeOther(request, response, fields.get("next").orElse(null), "/");
            }
            return;
        }
        failed(request, response, json);
    }

    private void loggedIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var info = sessions.current().orElseThrow();
        var groups = Json.createArrayBuilder();
        info.groups().stream().sorted().forEach(groups::add);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(Json.createObjectBuilder()
                .add("user", info.userName())
                .add("groups", groups)
                .add("csrfToken", RequestAttributes.csrfToken(request).orElse(""))
                .build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, boolean json) throws IOException {
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
        } else {
            failure = Failure.LOGIN_INVALID;
        }
        if (retryAfter.isPresent()) {
            failure = failure.retryAfter(seconds(retryAfter.get()));
        }
        if (json) {
            errors.write(request, response, failure);
        } else {
            response.reset();
            Redirects.seeOther(request, response, config.loginPage() + "?error=" + failure.code(), "/");
        }
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
