package dev.usersession.internal.web;

import dev.usersession.internal.account.PasswordPolicy;
import dev.usersession.internal.account.UserNames;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.request.CsrfProtection;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /usersession/login}: logs in with {@code username} and {@code password}, sent as a form or as JSON.
 * JSON gets 200 with the user and groups, or 401 (wrong user or password: the same answer for both;
 * {@code second_factor_required} when the password was right and the user has one-time codes: the login waits for
 * {@code POST /usersession/login/second-factor}), 429 with
 * {@code Retry-After} ({@code throttled}: too many failures; {@code locked}: 100 failures in a row), 409 (session
 * limit) or 503; a user name longer than any account's gets 400 before any throttling counter or audit line, and a
 * password longer than any password can be gets 400 before any hashing, whatever the user name. A
 * form is redirected (303) to its {@code next} path on success, or to the login page with {@code ?error=...}.
 * Cross-site posts get 403.
 */
public class LoginServlet extends LibraryServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = dev.usersession.internal.security.SessionAuthentication.LOGIN_PATH;

    @Inject
    SecurityContext securityContext;

    @Inject
    CsrfProtection csrf;

    @Inject
    LoginOutcomes outcomes;

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
        if (UserNames.isTooLong(username.get())) {
            errors.write(request, response, Failure.userNameTooLong(UserNames.MAXIMUM_LENGTH));
            return;
        }
        if (PasswordPolicy.isTooLong(password.get())) {
            errors.write(request, response, Failure.passwordTooLong(PasswordPolicy.MAXIMUM_LENGTH));
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username.get(), new Password(password.get())))
                        .rememberMe(fields.isChecked("remember"))
                        .newAuthentication(true));
        outcomes.answer(
                request,
                response,
                status,
                RequestBodies.isJson(request),
                fields.get("next").orElse(null));
    }
}
