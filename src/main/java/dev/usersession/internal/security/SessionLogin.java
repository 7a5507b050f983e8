package dev.usersession.internal.security;

import dev.usersession.AssuranceLevel;
import dev.usersession.EndReason;
import dev.usersession.Factor;
import dev.usersession.IssuedSession;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.admin.AuditEvent;
import dev.usersession.auth.SessionLimitReachedException;
import dev.usersession.internal.account.JpaAccountRepository;
import dev.usersession.internal.account.UserNames;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.devicebinding.DeviceBindings;
import dev.usersession.internal.login.DeviceCookie;
import dev.usersession.internal.login.FactorCredential;
import dev.usersession.internal.login.LoginAdmission;
import dev.usersession.internal.login.LoginChallenges;
import dev.usersession.internal.login.LoginGuard;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.internal.rememberme.RememberMe;
import dev.usersession.internal.request.DeviceNames;
import dev.usersession.internal.request.RequestAttributes;
import dev.usersession.spi.DeviceBinding;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Logs in and out. A login of a user name and password is first admitted by {@link LoginGuard} (counted, or refused
 * with a wait, before any password check), then the credential is checked with the application's identity stores
 * (through the container's {@link IdentityStoreHandler}); a browser that logs in successfully gets a device cookie.
 * A user with one-time codes enabled gets no session from a right password, only a pending step that a code or a
 * passkey completes ({@link FactorLogins}). A login whose account's credentials changed while it was checked opens
 * no session. A successful login issues a
 * new token: a re-login of the same user renews the session (its state moves to the new token), any other token
 * presented is ended, and the container's own session id changes too, so no token from before the login stays
 * valid. A logout deletes the session row and clears the cookie.
 */
@ApplicationScoped
public class SessionLogin {

    private static final int CLIENT_DESCRIPTION_LENGTH = 500;

    @Inject
    Instance<IdentityStoreHandler> identityStores;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    UserSessionStore store;

    @Inject
    UserSessionManager manager;

    @Inject
    SessionCookie cookie;

    @Inject
    DeviceCookie deviceCookie;

    @Inject
    LoginGuard guard;

    @Inject
    JpaAccountRepository accounts;

    @Inject
    OneTimeCodeFactor oneTimeCodes;

    @Inject
    LoginChallenges steps;

    @Inject
    FactorLogins factorLogins;

    @Inject
    UserSessionClock clock;

    @Inject
    UserSessionConfig config;

    @Inject
    RememberMe rememberMe;

    @Inject
    AuditTrail audit;

    @Inject
    DeviceBindings bindings;

    @Inject
    CallerGroups callerGroups;

    public AuthenticationStatus login(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context,
            Credential credential) {
        if (credential instanceof FactorCredential factor) {
            Optional<FactorLogins.Completed> completed = factorLogins.complete(request, response, factor);
            if (completed.isEmpty()) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (deviceCookie.read(request) == null) {
                deviceCookie.set(response, guard.rememberDevice(completed.get().userName()));
            }
            return establish(
                    request,
                    response,
                    context,
                    completed.get().userName(),
                    completed.get().groups(),
                    completed.get().proofs(),
                    completed.get().stillValid(),
                    factor.kind() == FactorCredential.Kind.PASSKEY ? "passkey" : "second factor");
        }
        LoginAdmission admission = null;
        if (credential instanceof UsernamePasswordCredential password) {
            if (UserNames.isTooLong(password.getCaller())) { // no account has it: no counter, no audit line
                return AuthenticationStatus.SEND_FAILURE;
            }
            admission = guard.admit(guard.attemptOf(password.getCaller(), request));
            if (!admission.admitted()) {
                request.setAttribute(RequestAttributes.RETRY_AFTER, admission.retryAfter());
                request.setAttribute(RequestAttributes.LOCKED, admission.locked());
                audit.record(
                        AuditEvent.Type.LOGIN_THROTTLED,
                        password.getCaller(),
                        null,
                        admission.locked()
                                ? "locked"
                                : "wait " + admission.retryAfter().toSeconds() + " s");
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
        // The account table's credentials version guards logins against a concurrent change of the library's accounts;
        // an application whose users live elsewhere (usersession.identity-store.enabled=false) has no such table.
        String submittedName =
                credential instanceof UsernamePasswordCredential password && config.identityStoreEnabled()
                        ? password.getCaller()
                        : null;
        Optional<Long> credentialsBefore =
                submittedName == null ? Optional.empty() : accounts.credentialsVersion(submittedName);
        CredentialValidationResult result =
                LibraryPasswordCheck.run(() -> identityStores.get().validate(credential));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            audit.record(
                    AuditEvent.Type.LOGIN_FAILED,
                    credential instanceof UsernamePasswordCredential password ? password.getCaller() : null,
                    null,
                    "password");
            return AuthenticationStatus.SEND_FAILURE;
        }
        String userName = result.getCallerPrincipal().getName();
        Instant now = clock.now();
        if (admission != null) {
            guard.succeeded(admission);
        }
        if (oneTimeCodes.isEnabled(userName)) {
            // The password was right, but the user has a second factor: only a pending step, no session yet.
            steps.beginSecondFactor(
                    request, response, userName, result.getCallerGroups(), now, credentialsBefore.orElse(null));
            request.setAttribute(RequestAttributes.SECOND_FACTOR_PENDING, Boolean.TRUE);
            audit.record(AuditEvent.Type.SECOND_FACTOR_PENDING, userName, null, null);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (admission != null && !admission.trustedDevice()) {
            deviceCookie.set(response, guard.rememberDevice(userName));
        }
        // The password, groups or enablement changed while this login was checked: its session must not outlive
        // that change (the change ended the sessions it could see; this one may have come after).
        BooleanSupplier credentialsUnchanged = () -> submittedName == null
                || accounts.credentialsVersion(submittedName).equals(credentialsBefore);
        return establish(
                request,
                response,
                context,
                userName,
                result.getCallerGroups(),
                SessionProofs.of(Factor.PASSWORD, now, AssuranceLevel.AAL1),
                credentialsUnchanged,
                "password");
    }

    /**
     * Opens the session of a caller whose proofs are complete: a new token (a re-login of the same user renews the
     * session and keeps its state, any other token presented is ended), the cookie, a new container session id, and
     * the container is told who the caller is.
     *
     * @param stillValid asked once the session is stored: when it says no, the session ends again and the login fails
     * @param how how the caller proved who they are, for the audit trail
     */
    public AuthenticationStatus establish(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context,
            String userName,
            Set<String> groups,
            SessionProofs proofs,
            BooleanSupplier stillValid,
            String how) {
        PresentedToken previous = cookie.read(request);
        IssuedSession issued;
        try {
            issued = previous.kind() == PresentedToken.Kind.WELL_FORMED
                    ? lifecycle.renew(previous.sessionId(), userName, groups, client(request), proofs)
                    : lifecycle.open(userName, groups, client(request), proofs);
        } catch (SessionLimitReachedException e) {
            request.setAttribute(RequestAttributes.SESSION_LIMIT, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!stillValid.getAsBoolean()) {
            lifecycle.end(issued.session().id(), EndReason.REVOKED);
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<SessionRecord> stored = store.find(issued.session().id());
        if (stored.isEmpty()) { // a parallel login of the same user ended it at once (session cap)
            request.setAttribute(RequestAttributes.SESSION_LIMIT, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        cookie.set(response, issued.token());
        bindings.offer(request, response, stored.get().id());
        HttpSession containerSession = request.getSession(false);
        if (containerSession != null) {
            request.changeSessionId();
        }
        manager.discardIfBound();
        manager.begin(stored.get());
        RequestAttributes.holdCsrfTokenOf(request, issued.token());
        if (context.getAuthParameters() != null && context.getAuthParameters().isRememberMe()) {
            rememberMe.issue(request, response, userName);
        }
        audit.record(AuditEvent.Type.LOGIN_SUCCEEDED, userName, stored.get().id(), how);
        return context.notifyContainerAboutLogin(userName, groups);
    }

    /**
     * Opens a new session for a remembered browser that proved the key its "keep me signed in" series is bound to
     * (device-bound sessions), stored bound to that key: as a remember-me login, it proves nothing recent (AAL1). Sets
     * the session cookie.
     *
     * @return the new session's id, or empty when the account was disabled or deleted, or the session cap refuses it
     */
    public Optional<String> openRemembered(
            HttpServletRequest request, HttpServletResponse response, String userName, DeviceBinding binding) {
        Optional<Set<String>> groups = callerGroups.of(userName);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        IssuedSession issued;
        try {
            issued = lifecycle.open(userName, groups.get(), client(request), SessionProofs.NONE, binding);
        } catch (SessionLimitReachedException e) {
            return Optional.empty();
        }
        if (store.find(issued.session().id()).isEmpty()) { // a parallel login of the user ended it at once (cap)
            return Optional.empty();
        }
        cookie.set(response, issued.token());
        audit.record(
                AuditEvent.Type.LOGIN_SUCCEEDED, userName, issued.session().id(), "remember-me, by the device key");
        return Optional.of(issued.session().id());
    }

    public void logout(HttpServletRequest request, HttpServletResponse response) {
        rememberMe.forget(request, response);
        PresentedToken presented = cookie.read(request);
        manager.discardIfBound();
        if (presented.kind() == PresentedToken.Kind.WELL_FORMED) {
            lifecycle.end(presented.sessionId(), EndReason.LOGOUT);
        }
        if (presented.fromCookie()) {
            cookie.clear(response);
        }
        request.removeAttribute(RequestAttributes.CSRF_TOKEN);
    }

    public static String client(HttpServletRequest request) {
        String description = DeviceNames.of(request.getHeader("User-Agent")) + " from " + request.getRemoteAddr();
        return description.length() <= CLIENT_DESCRIPTION_LENGTH
                ? description
                : description.substring(0, CLIENT_DESCRIPTION_LENGTH);
    }
}
