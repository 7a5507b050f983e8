package dev.usersession.internal.web;

import dev.usersession.auth.FactorRefusedException;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.login.FactorCredential;
import dev.usersession.internal.login.LoginChallenge.Purpose;
import dev.usersession.internal.login.LoginChallenges;
import dev.usersession.internal.passkey.PasskeyFactor;
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
 * Sign-in with a passkey (JSON; the library's {@code usersession/passkeys.js} drives it).
 * {@code POST /usersession/login/passkey/options}: the options for {@code navigator.credentials.get} with a new
 * challenge (any discoverable passkey; when the browser's login waits for its second factor, that user's passkeys).
 * {@code POST /usersession/login/passkey} with {@code credential} (the browser's response): completes the login as the
 * login endpoint answers; a challenge is used once, whatever the outcome. Errors: 400 {@code no_pending_step},
 * {@code malformed_credential}; 401 {@code unknown_credential}, {@code credential_refused},
 * {@code credential_replayed}. Cross-site posts get 403.
 */
public class PasskeyLoginServlet extends LibraryServlet {
    private static final long serialVersionUID = 1L;

    public static final String PATH = "/usersession/login/passkey";

    @Inject
    SecurityContext securityContext;

    @Inject
    CsrfProtection csrf;

    @Inject
    LoginOutcomes outcomes;

    @Inject
    PasskeyFactor passkeys;

    @Inject
    LoginChallenges steps;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!csrf.allows(request, null)) {
            errors.write(request, response, Failure.CROSS_SITE);
            return;
        }
        boolean secondFactor =
                steps.purposeOf(request).filter(Purpose.SECOND_FACTOR::equals).isPresent();
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (action.equals("/options")) {
            JsonResponses.write(
                    response,
                    passkeys.assertionOptions(
                            request, response, secondFactor ? Purpose.SECOND_FACTOR : Purpose.PASSKEY_LOGIN, null));
            return;
        }
        if (!action.isEmpty() && !action.equals("/")) {
            errors.write(request, response, Failure.NO_SUCH_ACTION);
            return;
        }
        RequestBodies.Fields fields = RequestBodies.read(request);
        Optional<String> credential = fields.get("credential");
        if (credential.isEmpty()) {
            errors.write(request, response, Failure.refused(FactorRefusedException.Reason.MALFORMED_CREDENTIAL));
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new FactorCredential(
                                secondFactor
                                        ? FactorCredential.Kind.PASSKEY_SECOND_FACTOR
                                        : FactorCredential.Kind.PASSKEY,
                                credential.get()))
                        .rememberMe(fields.isChecked("remember"))
                        .newAuthentication(true));
        outcomes.answer(request, response, status, true, null);
    }
}
