package dev.usersession.web;

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
            errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "cross_site_request",
                    "This request came from another site and was refused");
            return;
        }
        RequestBodies.Fields fields = RequestBodies.read(request);
        Optional<String> username = fields.get("username");
        Optional<String> password = fields.get("password");
        if (username.isEmpty() || password.isEmpty()) {
            errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "bad_request",
                    "Send a username and a password");
            return;
        }
        if (PasswordPolicy.isTooLong(password.get())) {
            errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "password_too_long",
                    "A password has at most " + PasswordPolicy.MAXIMUM_LENGTH + " characters");
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
        int status;
        String code;
        String message;
        if (RequestAttributes.loginUnavailable(request)) {
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            code = "unavailable";
            message = "The service is briefly unavailable. Please try again in a few seconds.";
        } else if (RequestAttributes.loginLocked(request)) {
            status = 429;
            code = "locked";
            message = "Too many failed attempts: signing in with this name is locked. Sign in from a device you "
                    + "used before, or ask for your password to be reset.";
        } else if (retryAfter.isPresent()) {
            status = 429;
            code = "throttled";
            message = "Too many failed attempts. Please wait " + seconds(retryAfter.get()) + " seconds.";
        } else if (RequestAttributes.loginRefusedBySessionLimit(request)) {
            status = HttpServletResponse.SC_CONFLICT;
            code = "session_limit";
            message = "You are signed in on too many devices. Sign out on one of them first.";
        } else {
            status = HttpServletResponse.SC_UNAUTHORIZED;
            code = "invalid";
            message = "Wrong user name or password.";
        }
        if (json) {
            errors.write(request, response, status, code, message,
                    retryAfter.map(wait -> String.valueOf(seconds(wait))).orElse(null));
        } else {
            response.reset();
            Redirects.seeOther(request, response, config.loginPage() + "?error=" + code, "/");
        }
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
