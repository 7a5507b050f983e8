package dev.usersession.internal.login;

import java.time.Duration;
import java.util.List;

/**
 * The answer of {@link LoginGuard#admit}: either the attempt was counted and its credential may be checked, or it
 * was refused before any check, with how long to wait.
 *
 * @param admitted whether the credential may be checked
 * @param retryAfter how long to wait when refused, else {@link Duration#ZERO}
 * @param locked whether the refusal is a lock that only a trusted device's login or a reset ends (for one-time codes:
 *     a recovery code, a passkey or a reset)
 * @param attempt the attempt
 * @param subjects the counters the attempt was counted on
 * @param trustedDevice whether the attempt came from a trusted device of the user
 */
public record LoginAdmission(
        boolean admitted,
        Duration retryAfter,
        boolean locked,
        LoginAttempt attempt,
        List<String> subjects,
        boolean trustedDevice) {

    static LoginAdmission refused(Duration retryAfter, boolean locked, LoginAttempt attempt) {
        return new LoginAdmission(false, retryAfter, locked, attempt, List.of(), false);
    }
}
