package dev.usersession.internal.web;

import dev.usersession.AssuranceLevel;
import dev.usersession.Factor;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.admin.AuditEvent;
import dev.usersession.auth.FactorRefusedException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.internal.account.PasswordPolicy;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.login.LoginChallenge.Purpose;
import dev.usersession.internal.login.LoginChallenges;
import dev.usersession.internal.passkey.PasskeyFactor;
import dev.usersession.internal.security.DefaultUserCredentials;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Re-authentication of the logged-in user, on the same session: {@code POST /usersession/reauthenticate} with
 * {@code password}, or with {@code code} (a one-time or recovery code); or with a passkey:
 * {@code POST /usersession/reauthenticate/passkey/options}, then {@code POST /usersession/reauthenticate/passkey}
 * with {@code credential}. The session records the proof, gets a new token (a new cookie in the response) and keeps
 * its state. 200 {@code {"level": "AAL1"|"AAL2"}}; 401 {@code invalid} (wrong password), {@code invalid_code},
 * {@code not_logged_in}; 429 with {@code Retry-After}.
 */
public class ReauthenticateServlet extends LibraryServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/usersession/reauthenticate";

    @Inject
    DefaultUserCredentials credentials;

    @Inject
    UserSessionManager manager;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    PasskeyFactor passkeys;

    @Inject
    LoginChallenges steps;

    @Inject
    AuditTrail audit;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UnitOfWork unitOfWork = manager.current();
        if (unitOfWork == null) {
            throw new NotLoggedInException("Re-authentication needs a login");
        }
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (action) {
            case "/passkey/options" ->
                JsonResponses.write(
                        response,
                        passkeys.assertionOptions(
                                request, response, Purpose.PASSKEY_REAUTHENTICATION, unitOfWork.session()));
            case "/passkey" -> withPasskey(request, response, unitOfWork);
            case "", "/" -> withSecret(request, response);
            default -> errors.write(request, response, Failure.NO_SUCH_ACTION);
        }
    }

    private void withSecret(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestBodies.Fields fields = RequestBodies.read(request);
        Optional<String> password = fields.get("password");
        Optional<String> code = fields.get("code");
        if (password.isPresent()) {
            if (PasswordPolicy.isTooLong(password.get())) {
                errors.write(request, response, Failure.passwordTooLong(PasswordPolicy.MAXIMUM_LENGTH));
                return;
            }
            if (!credentials.reauthenticate(password.get().toCharArray())) {
                errors.write(request, response, Failure.LOGIN_INVALID);
                return;
            }
        } else if (code.isPresent() && code.get().length() <= 64) {
            credentials.reauthenticateWithCode(code.get());
        } else {
            errors.write(request, response, Failure.LOGIN_INCOMPLETE);
            return;
        }
        answer(response);
    }

    private void withPasskey(HttpServletRequest request, HttpServletResponse response, UnitOfWork unitOfWork)
            throws IOException {
        Optional<String> credential = RequestBodies.read(request).get("credential");
        if (credential.isEmpty()) {
            throw new FactorRefusedException(FactorRefusedException.Reason.MALFORMED_CREDENTIAL, "No credential");
        }
        var step = steps.require(
                request, Purpose.PASSKEY_REAUTHENTICATION, unitOfWork.session().id());
        steps.complete(step, request, response);
        PasskeyFactor.VerifiedPasskey verified = passkeys.verify(request, step, credential.get());
        var renewed = lifecycle.reauthenticated(
                Factor.PASSKEY, verified.userVerified() ? AssuranceLevel.AAL2 : AssuranceLevel.AAL1);
        audit.record(
                AuditEvent.Type.REAUTHENTICATED,
                verified.userName(),
                renewed.session().id(),
                "passkey");
        answer(response);
    }

    private void answer(HttpServletResponse response) throws IOException {
        JsonResponses.write(
                response,
                Json.createObjectBuilder()
                        .add(
                                "level",
                                manager.current()
                                        .session()
                                        .proofs()
                                        .levelWithin(config.factorsRecent(), clock.now())
                                        .name())
                        .build());
    }
}
