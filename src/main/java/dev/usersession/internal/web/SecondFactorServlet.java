package dev.usersession.internal.web;

import dev.usersession.auth.FactorRefusedException;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.login.FactorCredential;
import dev.usersession.internal.request.CsrfProtection;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /usersession/login/second-factor} with {@code code} (a one-time code or a recovery code), as a form or
 * JSON: completes a login whose password was right and that waits for its second factor (the browser's pending
 * cookie). Answers as the login does: 200 with the user (the session is at AAL2), or 400 {@code malformed_code} /
 * {@code no_pending_step} (none waits, or it expired after 5 minutes), 401 {@code invalid_code} (wrong or used; the
 * step waits for another try), 429 with {@code Retry-After} (too many wrong codes). Cross-site posts get 403.
 */
public class SecondFactorServlet extends LibraryServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/usersession/login/second-factor";

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
        Optional<String> code = fields.get("code");
        if (code.isEmpty() || code.get().length() > 64) {
            errors.write(request, response, Failure.refused(FactorRefusedException.Reason.MALFORMED_CODE));
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new FactorCredential(FactorCredential.Kind.CODE, code.get()))
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
