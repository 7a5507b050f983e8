package dev.usersession.internal.security;

import dev.usersession.AssuranceLevel;
import dev.usersession.Factor;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.admin.AuditEvent;
import dev.usersession.auth.FactorRefusedException;
import dev.usersession.auth.TooManyAttemptsException;
import dev.usersession.internal.account.JpaAccountRepository;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.login.FactorCredential;
import dev.usersession.internal.login.LoginAdmission;
import dev.usersession.internal.login.LoginChallenge;
import dev.usersession.internal.login.LoginChallenge.Purpose;
import dev.usersession.internal.login.LoginChallenges;
import dev.usersession.internal.login.LoginGuard;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.internal.passkey.PasskeyFactor;
import dev.usersession.internal.request.RequestAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Completes logins that a password cannot complete alone: the second step of a user with one-time codes (a code, a
 * recovery code, or a passkey), and a passwordless login with a passkey (which, for a user with one-time codes, must
 * have verified its user: a PIN or biometrics make it two factors). Code attempts are throttled like passwords,
 * on the user's own counter for codes ({@link LoginGuard}); a wrong code keeps the pending step (the user may try
 * again until it expires), a right one completes it, once. A passkey's challenge is used once whatever the outcome.
 */
@ApplicationScoped
public class FactorLogins {

    @Inject
    LoginChallenges steps;

    @Inject
    OneTimeCodeFactor oneTimeCodes;

    @Inject
    PasskeyFactor passkeys;

    @Inject
    LoginGuard guard;

    @Inject
    CallerGroups callerGroups;

    @Inject
    UserSessionClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    JpaAccountRepository accounts;

    /**
     * @return who logged in and with what proofs; empty when refused (the reason is in the request's attributes)
     */
    Optional<Completed> complete(HttpServletRequest request, HttpServletResponse response, FactorCredential factor) {
        try {
            return switch (factor.kind()) {
                case CODE -> withCode(request, response, factor.value());
                case PASSKEY_SECOND_FACTOR -> withPasskey(request, response, Purpose.SECOND_FACTOR, factor.value());
                case PASSKEY -> withPasskey(request, response, Purpose.PASSKEY_LOGIN, factor.value());
            };
        } catch (FactorRefusedException e) {
            request.setAttribute(RequestAttributes.FACTOR_REFUSED, e.reason());
            if (factor.kind() != FactorCredential.Kind.CODE) { // a code's failure is recorded with its user
                audit.record(AuditEvent.Type.LOGIN_FAILED, null, null, "passkey: " + reason(e));
            }
            return Optional.empty();
        }
    }

    /**
     * Checks a code of a user (a re-authentication), throttled like a login on the user's code counter.
     *
     * @throws TooManyAttemptsException when the user's code attempts must wait
     * @throws FactorRefusedException when the code is malformed or wrong
     */
    public void checkCode(String userName, String code) {
        LoginAdmission admission = admitCode(userName, code);
        oneTimeCodes.verify(userName, code);
        guard.succeeded(admission);
    }

    /**
     * Confirms a user's new one-time code secret with a first code, throttled like a code login.
     *
     * @return the user's recovery codes
     */
    public List<String> confirmCodes(String userName, String code) {
        LoginAdmission admission = admitCode(userName, code);
        List<String> recovery = oneTimeCodes.confirm(userName, code);
        guard.succeeded(admission);
        return recovery;
    }

    private LoginAdmission admitCode(String userName, String code) {
        LoginAdmission admission = guard.admitCode(userName, null, OneTimeCodeFactor.isRecoveryCode(code));
        if (!admission.admitted()) {
            throw new TooManyAttemptsException("Too many wrong codes for " + userName, admission.retryAfter());
        }
        return admission;
    }

    private Optional<Completed> withCode(HttpServletRequest request, HttpServletResponse response, String code) {
        LoginChallenge step = steps.require(request, Purpose.SECOND_FACTOR, null);
        LoginAdmission admission =
                guard.admitCode(step.userName(), request.getRemoteAddr(), OneTimeCodeFactor.isRecoveryCode(code));
        if (!admission.admitted()) {
            request.setAttribute(RequestAttributes.RETRY_AFTER, admission.retryAfter());
            request.setAttribute(RequestAttributes.LOCKED, admission.locked());
            audit.record(AuditEvent.Type.LOGIN_THROTTLED, step.userName(), null, "one-time code");
            return Optional.empty();
        }
        try {
            oneTimeCodes.verify(step.userName(), code);
        } catch (FactorRefusedException e) {
            audit.record(AuditEvent.Type.SECOND_FACTOR_FAILED, step.userName(), null, reason(e));
            throw e;
        }
        guard.succeeded(admission);
        steps.complete(step, request, response);
        Instant now = clock.now();
        return Optional.of(new Completed(
                step.userName(),
                step.groups(),
                new SessionProofs(step.passwordAt(), now, null, AssuranceLevel.AAL2),
                credentialsUnchanged(step)));
    }

    private Optional<Completed> withPasskey(
            HttpServletRequest request, HttpServletResponse response, Purpose purpose, String assertion) {
        LoginChallenge step = steps.require(request, purpose, null);
        steps.complete(step, request, response);
        PasskeyFactor.VerifiedPasskey verified = passkeys.verify(request, step, assertion);
        Instant now = clock.now();
        if (purpose == Purpose.SECOND_FACTOR) {
            return Optional.of(new Completed(
                    step.userName(),
                    step.groups(),
                    new SessionProofs(step.passwordAt(), null, now, AssuranceLevel.AAL2),
                    credentialsUnchanged(step)));
        }
        if (!verified.userVerified() && oneTimeCodes.isEnabled(verified.userName())) {
            // A passkey that did not verify its user (no PIN, no biometrics) is one factor: a user who turned on two
            // factors is not signed in by it alone.
            throw new FactorRefusedException(
                    FactorRefusedException.Reason.CREDENTIAL_REFUSED,
                    "The passkey did not verify its user, and the account needs two factors");
        }
        Optional<Set<String>> groups = callerGroups.of(verified.userName());
        if (groups.isEmpty()) { // the account was disabled or deleted since the passkey was registered
            throw new FactorRefusedException(
                    FactorRefusedException.Reason.UNKNOWN_CREDENTIAL, "The passkey's account is disabled or gone");
        }
        return Optional.of(new Completed(
                verified.userName(),
                groups.get(),
                SessionProofs.of(
                        Factor.PASSKEY, now, verified.userVerified() ? AssuranceLevel.AAL2 : AssuranceLevel.AAL1),
                () -> true));
    }

    /**
     * The second step completes what the password step proved: a change of the account's password, groups or
     * enablement since the password was checked (the version read then) makes it open no session, as the password
     * step's own check does.
     */
    private BooleanSupplier credentialsUnchanged(LoginChallenge step) {
        Long before = step.credentialsVersion();
        return () ->
                before == null || accounts.credentialsVersion(step.userName()).equals(Optional.of(before));
    }

    private static String reason(FactorRefusedException e) {
        return e.reason().name().toLowerCase(Locale.ROOT);
    }

    /**
     * A login whose proofs are complete.
     *
     * @param userName who
     * @param groups the caller's groups
     * @param proofs how and when they proved it
     * @param stillValid asked once the session is stored: when it says no, the session ends again and the login fails
     */
    record Completed(String userName, Set<String> groups, SessionProofs proofs, BooleanSupplier stillValid) {}
}
