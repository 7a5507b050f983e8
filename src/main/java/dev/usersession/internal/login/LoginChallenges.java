package dev.usersession.internal.login;

import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.auth.FactorRefusedException;
import dev.usersession.internal.context.SessionTokens;
import dev.usersession.internal.request.RawCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a login or a factor change that wait for the browser's next request: a login whose password was right
 * and that waits for its second factor, a passkey ceremony's challenge. Each step is a {@link LoginChallenge} row
 * found by the SHA-256 of a random token that the browser holds in the pending cookie (the session cookie's name with
 * {@code -pending}, same attributes, {@link #LIFETIME}). A pending step grants nothing: it is no session, and it is
 * consumed, once, by the request that completes it. A step that belongs to a session (a passkey registration, a
 * re-authentication) is completed only in that session.
 */
@ApplicationScoped
public class LoginChallenges {

    /** How long a step waits for the browser. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    @Inject
    JpaLoginChallenges challenges;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    /**
     * Begins a step and gives the browser its cookie (a step begun before in this browser is replaced).
     *
     * @return the stored step
     */
    public LoginChallenge begin(
            HttpServletRequest request,
            HttpServletResponse response,
            LoginChallenge.Purpose purpose,
            String userName,
            Set<String> groups,
            String sessionId,
            Instant passwordAt,
            String challenge) {
        return begin(request, response, purpose, userName, groups, sessionId, passwordAt, null, challenge);
    }

    /**
     * Begins a login's second step after its password was right.
     *
     * @param credentialsVersion the account's credentials version read before the password was checked, or
     *     {@code null} (no library account): the second step opens a session only while it is unchanged
     * @return the stored step
     */
    public LoginChallenge beginSecondFactor(
            HttpServletRequest request,
            HttpServletResponse response,
            String userName,
            Set<String> groups,
            Instant passwordAt,
            Long credentialsVersion) {
        return begin(
                request,
                response,
                LoginChallenge.Purpose.SECOND_FACTOR,
                userName,
                groups,
                null,
                passwordAt,
                credentialsVersion,
                null);
    }

    private LoginChallenge begin(
            HttpServletRequest request,
            HttpServletResponse response,
            LoginChallenge.Purpose purpose,
            String userName,
            Set<String> groups,
            String sessionId,
            Instant passwordAt,
            Long credentialsVersion,
            String challenge) {
        discard(request);
        String token = SessionTokens.newToken();
        Instant now = clock.now();
        LoginChallenge step = new LoginChallenge(
                SessionTokens.hash(token),
                purpose,
                userName,
                groups,
                sessionId,
                challenge,
                passwordAt,
                credentialsVersion,
                now,
                now.plus(LIFETIME));
        challenges.create(step);
        String header =
                RawCookies.header(name(), token, LIFETIME.toSeconds(), config.cookieSecure(), config.cookieSameSite());
        setCookie(request, response, header);
        return step;
    }

    /**
     * @return the live step of the browser's pending cookie, of this purpose (and of this session, when
     *     {@code sessionId} is given)
     * @throws FactorRefusedException ({@code NO_PENDING_STEP}) when there is none
     */
    public LoginChallenge require(HttpServletRequest request, LoginChallenge.Purpose purpose, String sessionId) {
        String token = token(request);
        LoginChallenge step = token == null
                ? null
                : challenges
                        .find(SessionTokens.hash(token))
                        .filter(found -> found.purpose() == purpose && !found.isExpiredAt(clock.now()))
                        .filter(found -> sessionId == null || sessionId.equals(found.sessionId()))
                        .orElse(null);
        if (step == null) {
            throw new FactorRefusedException(
                    FactorRefusedException.Reason.NO_PENDING_STEP, "No " + purpose + " step is waiting");
        }
        return step;
    }

    /** @return the purpose of the browser's live pending step, if it has one */
    public Optional<LoginChallenge.Purpose> purposeOf(HttpServletRequest request) {
        String token = token(request);
        return token == null
                ? Optional.empty()
                : challenges
                        .find(SessionTokens.hash(token))
                        .filter(found -> !found.isExpiredAt(clock.now()))
                        .map(LoginChallenge::purpose);
    }

    /** Gives the step a new WebAuthn challenge. */
    public LoginChallenge withChallenge(LoginChallenge step, String challenge) {
        if (!challenges.setChallenge(step.id(), challenge)) {
            throw new FactorRefusedException(FactorRefusedException.Reason.NO_PENDING_STEP, "The step ended");
        }
        return step.withChallenge(challenge);
    }

    /**
     * Completes the step: deletes it and clears the cookie.
     *
     * @throws FactorRefusedException ({@code NO_PENDING_STEP}) when another request completed it first or it expired
     */
    public void complete(LoginChallenge step, HttpServletRequest request, HttpServletResponse response) {
        boolean mine = challenges
                .consume(step.id())
                .filter(found -> !found.isExpiredAt(clock.now()))
                .isPresent();
        clear(request, response);
        if (!mine) {
            throw new FactorRefusedException(
                    FactorRefusedException.Reason.NO_PENDING_STEP,
                    "The step was completed by another request or expired");
        }
    }

    /** Ends whatever step the browser has, and clears the cookie. */
    public void end(HttpServletRequest request, HttpServletResponse response) {
        discard(request);
        clear(request, response);
    }

    private void discard(HttpServletRequest request) {
        String token = token(request);
        if (token != null) {
            challenges.consume(SessionTokens.hash(token));
        }
    }

    private void clear(HttpServletRequest request, HttpServletResponse response) {
        setCookie(request, response, RawCookies.header(name(), "", 0, config.cookieSecure(), config.cookieSameSite()));
    }

    private static void setCookie(HttpServletRequest request, HttpServletResponse response, String header) {
        response.addHeader("Set-Cookie", header); // kept by an error answer too (ErrorResponses)
    }

    private String token(HttpServletRequest request) {
        List<String> values = RawCookies.values(request, name());
        return values.size() == 1 && SessionTokens.isWellFormed(values.get(0)) ? values.get(0) : null;
    }

    private String name() {
        return config.cookieName() + "-pending";
    }
}
