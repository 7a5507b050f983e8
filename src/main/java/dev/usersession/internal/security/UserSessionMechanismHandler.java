package dev.usersession.internal.security;

import dev.usersession.EndReason;
import dev.usersession.UserSessionConfig;
import dev.usersession.auth.UserSessionMechanism;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.request.CsrfProtection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses between the library's mechanism and the application's other one (Jakarta Security 4.0
 * {@link HttpAuthenticationMechanismHandler}), per request:
 * <ol>
 *   <li>a request under one of {@code usersession.mechanism.other-paths} (such as {@code /api/}): the other one;</li>
 *   <li>a request the library's mechanism has something to go on for (a login, a session token, a "keep me signed
 *   in" cookie): the library's;</li>
 *   <li>else the other one: on a protected resource it challenges (a Basic challenge, an OpenID Connect redirect);
 *   elsewhere it finds what it needs of its own (an OpenID Connect callback, a form's submission) or lets the caller
 *   through anonymous.</li>
 * </ol>
 * When the other mechanism logs a caller in outside the other paths (an OpenID Connect callback, a form), the caller
 * gets a library session ({@link SessionOpeningContext}); under the other paths it stays stateless.
 * An application with more than one other mechanism writes its own handler ({@code @Alternative @Priority(APPLICATION)}
 * wins over this one) and injects the library's with {@link UserSessionMechanism}; the library reports it at
 * deployment otherwise.
 */
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
@ApplicationScoped
public class UserSessionMechanismHandler implements HttpAuthenticationMechanismHandler {

    private static final String CHOSEN = "dev.usersession.chosenMechanism";
    private static final Logger LOG = Logger.getLogger(UserSessionMechanismHandler.class.getName());

    @Inject
    @UserSessionMechanism
    UserSessionAuthenticationMechanism sessions;

    @Inject
    @Any
    Instance<HttpAuthenticationMechanism> mechanisms;

    @Inject
    UserSessionConfig config;

    @Inject
    SessionLogin login;

    @Inject
    OtherMechanismSessions otherMechanismSessions;

    @Inject
    AuditTrail audit;

    @Inject
    ErrorResponses errors;

    @Inject
    CsrfProtection csrf;

    @Inject
    UserSessionManager manager;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    SessionCookie cookie;

    private volatile List<HttpAuthenticationMechanism> others;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        HttpAuthenticationMechanism chosen = choose(request, context);
        request.setAttribute(CHOSEN, chosen);
        if (chosen == null) {
            return context.doNothing();
        }
        if (chosen != sessions && !isOtherPath(request)) {
            // A page: the other mechanism's login (OpenID Connect, a form) ends in a library session.
            return signInElsewhere(chosen, request, response, context);
        }
        return chosen.validateRequest(request, response, context);
    }

    /**
     * Lets the other mechanism sign the caller in on a page. When it fails with an exception (an OpenID Connect
     * provider gone between its redirect and the callback's token request), the caller gets a short 502 instead of
     * the container's error page, the failure is logged once, and no session exists: the library opens one only when
     * the other mechanism reports a login.
     */
    private AuthenticationStatus signInElsewhere(
            HttpAuthenticationMechanism other,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context)
            throws AuthenticationException {
        try {
            return other.validateRequest(
                    request, response, new SessionOpeningContext(context, login, otherMechanismSessions, csrf, audit));
        } catch (RuntimeException e) {
            if (Failure.of(e) != null) {
                throw e; // the library's own (its store failing at the session's opening): answered as always
            }
            LOG.log(
                    Level.WARNING,
                    "Signing in at " + request.getRequestURI() + " failed; answered " + Failure.SIGN_IN_FAILED.status(),
                    e);
            UnitOfWork opened = manager.current();
            if (opened != null) { // the other mechanism reported the login, then failed: no session outlives that
                manager.discardIfBound();
                lifecycle.end(opened.session().id(), EndReason.REVOKED);
                cookie.clear(response);
            }
            errors.write(request, response, Failure.SIGN_IN_FAILED);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    @Override
    public AuthenticationStatus secureResponse(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        HttpAuthenticationMechanism chosen = chosen(request, context);
        return chosen == null ? AuthenticationStatus.SUCCESS : chosen.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        sessions.cleanSubject(request, response, context); // a logout always ends the library's session
        HttpAuthenticationMechanism other = other();
        if (other != null) {
            other.cleanSubject(request, response, context);
        }
    }

    private HttpAuthenticationMechanism chosen(HttpServletRequest request, HttpMessageContext context) {
        Object chosen = request.getAttribute(CHOSEN);
        return chosen instanceof HttpAuthenticationMechanism mechanism ? mechanism : choose(request, context);
    }

    private HttpAuthenticationMechanism choose(HttpServletRequest request, HttpMessageContext context) {
        HttpAuthenticationMechanism other = other();
        if (other == null) {
            return sessions;
        }
        if (isOtherPath(request)) {
            return other;
        }
        return sessions.claims(request, context) ? sessions : other;
    }

    private boolean isOtherPath(HttpServletRequest request) {
        return OtherPaths.contain(config, request);
    }

    /** @return the application's one other mechanism, or {@code null}; with several, none (reported at deployment) */
    private HttpAuthenticationMechanism other() {
        List<HttpAuthenticationMechanism> found = others;
        if (found == null) {
            found = mechanisms
                    .handlesStream()
                    .filter(handle -> !handle.getBean().getQualifiers().contains(UserSessionMechanism.Literal.INSTANCE))
                    .map(Instance.Handle::get)
                    .toList();
            others = found;
        }
        return found.size() == 1 ? found.get(0) : null;
    }
}
