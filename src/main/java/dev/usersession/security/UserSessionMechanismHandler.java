package dev.usersession.security;

import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionMechanism;
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

/**
 * Chooses between the library's mechanism and the application's other one (Jakarta Security 4.0
 * {@link HttpAuthenticationMechanismHandler}), per request:
 * <ol>
 *   <li>a request under one of {@code usersession.mechanism.other-paths} (such as {@code /api/}): the other one;</li>
 *   <li>a request the library's mechanism has something to go on for (a login, a session token, a "keep me signed
 *   in" cookie): the library's;</li>
 *   <li>else, a request for a protected resource: the other one (a Basic challenge, an OpenID Connect redirect);
 *   anything else: the library's (the caller is anonymous).</li>
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
    OneTimeCodeFactor oneTimeCodes;

    private volatile List<HttpAuthenticationMechanism> others;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        HttpAuthenticationMechanism chosen = choose(request, context);
        request.setAttribute(CHOSEN, chosen);
        if (chosen == null) {
            return context.doNothing();
        }
        if (chosen != sessions && !isOtherPath(request)) {
            // A page: the other mechanism's login (OpenID Connect, a form) ends in a library session.
            return chosen.validateRequest(request, response, new SessionOpeningContext(context, login, oneTimeCodes));
        }
        return chosen.validateRequest(request, response, context);
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
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
        return sessions.claims(request, context) || !context.isProtected() ? sessions : other;
    }

    private boolean isOtherPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return config.mechanismOtherPaths().stream().anyMatch(path::startsWith);
    }

    /** @return the application's one other mechanism, or {@code null}; with several, none (reported at deployment) */
    private HttpAuthenticationMechanism other() {
        List<HttpAuthenticationMechanism> found = others;
        if (found == null) {
            found = mechanisms.handlesStream()
                    .filter(handle -> !handle.getBean().getQualifiers().contains(UserSessionMechanism.Literal.INSTANCE))
                    .map(Instance.Handle::get)
                    .toList();
            others = found;
        }
        return found.size() == 1 ? found.get(0) : null;
    }
}
