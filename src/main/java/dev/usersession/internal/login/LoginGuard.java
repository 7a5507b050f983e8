package dev.usersession.internal.login;

import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.internal.account.UserNames;
import dev.usersession.internal.context.SessionTokens;
import dev.usersession.internal.request.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Throttles password checks, before they happen. Every attempt is counted, atomically in the database (so on every
 * node at once), before its password is checked; an attempt that must wait is refused without being checked or
 * counted, and leaves no counter behind. What is counted:
 * <ul>
 *   <li>the submitted user name, whether or not such an account exists (so an unknown name is throttled exactly
 *   like a real one and nothing tells them apart), in the form {@link UserNames#throttled} (so that spellings a
 *   case-insensitive store takes for one account share one counter): a few free failures in a row, then a back-off
 *   that doubles up to {@code usersession.login.max-backoff} ({@link LoginThrottle}); after 100 failures in a row the
 *   name is locked until a login from a trusted device or {@code UserAccounts.unlock}/{@code resetPassword} (NIST
 *   SP 800-63B 5.2.2);</li>
 *   <li>the client address (an IPv6 address by its /64, {@link ThrottledAddress}): at most
 *   {@code usersession.login.address-limit} failures per address window;</li>
 *   <li>all untrusted logins together: from {@code usersession.login.global-limit} failures per global window on,
 *   the site is under a password spray, and each address gets only {@code usersession.login.spray-address-limit}
 *   failures per address window. The global count refuses nobody by itself: a user with the right password from an
 *   address that has not been guessing still logs in.</li>
 * </ul>
 * All counters of an attempt are read and changed under one row lock each, in one transaction: whether the site is
 * under a spray and how many failures an address has are decided together, so parallel logins cannot slip past.
 * A browser that has logged in as the user before presents its device cookie ({@link DeviceCookie}) and is counted
 * on the device's own allowance instead, so an attacker who keeps a name throttled or locked does not lock its owner
 * out. A success clears the counters in a row and gives back the windows' count.
 */
@ApplicationScoped
public class LoginGuard {

    private static final String NAME = "n:";
    private static final String DEVICE = "d:";
    private static final String ADDRESS = "a:";
    /**
     * A user's one-time and recovery code attempts: back-off like a name; after 100 wrong in a row one-time codes are
     * locked until a recovery code, a passkey or an administrator ends it.
     */
    private static final String CODE = "c:";

    private static final String ALL = "all";

    @Inject
    JpaLoginRecords records;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    @Inject
    DeviceCookie deviceCookie;

    @Inject
    CurrentRequest currentRequest;

    /** @return the attempt of this request to log in as {@code userName} (client address, device cookie) */
    public LoginAttempt attemptOf(String userName, HttpServletRequest request) {
        return new LoginAttempt(userName, request.getRemoteAddr(), deviceCookie.read(request));
    }

    /**
     * @return the attempt of the current HTTP request, when code runs in one (a password change), or an attempt
     *     known only by the user name
     */
    public LoginAttempt currentAttempt(String userName) {
        return currentRequest
                .get()
                .map(request -> attemptOf(userName, request))
                .orElseGet(() -> new LoginAttempt(userName, null, null)); // a batch job or a test: no client
    }

    /**
     * Counts the attempt, or refuses it when one of its counters says wait.
     *
     * @return whether the credential may now be checked; if so, report a success with {@link #succeeded}
     */
    public LoginAdmission admit(LoginAttempt attempt) {
        if (UserNames.isTooLong(attempt.userName())) {
            // No account has such a name: refused before any counter (the endpoints answer 400 even before this).
            return LoginAdmission.refused(Duration.ZERO, false, attempt);
        }
        Instant now = clock.now();
        boolean trusted = attempt.deviceToken() != null
                && attempt.userName() != null
                && records.isTrustedDevice(SessionTokens.hash(attempt.deviceToken()), attempt.userName(), now);
        List<String> subjects = new ArrayList<>(3);
        if (trusted) {
            subjects.add(DEVICE + digest(attempt.deviceToken()));
        } else {
            subjects.add(nameSubject(attempt.userName()));
            if (attempt.clientAddress() != null && config.loginAddressLimit() > 0) {
                subjects.add(addressSubject(attempt.clientAddress()));
            }
            if (config.loginGlobalLimit() > 0) {
                subjects.add(ALL);
            }
        }
        return records.update(subjects, now, (counters, change) -> {
            boolean underSpray = isUnderSpray(counters.get(ALL), now);
            Duration wait = Duration.ZERO;
            for (LoginCounter counter : counters.values()) {
                if (inARow(counter) && counter.attempts() >= LoginThrottle.LOCK_AFTER) {
                    return LoginAdmission.refused(config.maxLoginBackoff(), true, attempt);
                }
                Duration counterWait = waitOf(counter, now, underSpray);
                wait = counterWait.compareTo(wait) > 0 ? counterWait : wait;
            }
            if (!wait.isZero()) {
                return LoginAdmission.refused(wait, false, attempt);
            }
            counters.values().forEach(counter -> change.accept(counted(counter, now)));
            return new LoginAdmission(true, Duration.ZERO, false, attempt, List.copyOf(subjects), trusted);
        });
    }

    /**
     * Counts an attempt to enter a one-time or recovery code for a user (a second step, a re-authentication, a
     * confirmation), or refuses it when it must wait: on the user's code counter (a few free failures, then a
     * doubling wait up to {@code usersession.login.max-backoff}) and the client address. After 100 wrong codes in a
     * row one-time codes are locked (NIST SP 800-63B 5.2.2) until {@link #unlockCodes} (a passkey), a right recovery
     * code or {@link #reset}; recovery codes are still admitted then, one per back-off, so that the owner can end the
     * lock with one.
     *
     * @param clientAddress the client's address, or {@code null} to take the current request's
     * @param recoveryCode whether the code entered is a recovery code rather than a one-time code
     */
    public LoginAdmission admitCode(String userName, String clientAddress, boolean recoveryCode) {
        String address =
                clientAddress != null ? clientAddress : currentAttempt(userName).clientAddress();
        List<String> subjects = new ArrayList<>(3);
        String codes = codeSubject(userName);
        subjects.add(codes);
        if (address != null && config.loginAddressLimit() > 0) {
            subjects.add(addressSubject(address));
        }
        // Not the global window: password spraying under made-up names must not shut every user out of their codes.
        LoginAttempt attempt = new LoginAttempt(userName, address, null);
        Instant now = clock.now();
        return records.update(subjects, now, (counters, change) -> {
            if (!recoveryCode && counters.get(codes).attempts() >= LoginThrottle.LOCK_AFTER) {
                return LoginAdmission.refused(config.maxLoginBackoff(), true, attempt);
            }
            Duration wait = Duration.ZERO;
            for (LoginCounter counter : counters.values()) {
                Duration counterWait = waitOf(counter, now, false);
                wait = counterWait.compareTo(wait) > 0 ? counterWait : wait;
            }
            if (!wait.isZero()) {
                return LoginAdmission.refused(wait, false, attempt);
            }
            counters.values().forEach(counter -> change.accept(counted(counter, now)));
            return new LoginAdmission(true, Duration.ZERO, false, attempt, List.copyOf(subjects), false);
        });
    }

    /**
     * The admitted attempt's credential was right: clears its counters in a row (and the name's, when a trusted
     * device logged in: that ends a lock) and gives back its count in the windows.
     */
    public void succeeded(LoginAdmission admission) {
        List<String> subjects = new ArrayList<>(admission.subjects());
        if (admission.trustedDevice()) {
            subjects.add(nameSubject(admission.attempt().userName()));
        }
        Instant now = clock.now();
        records.update(subjects, now, (counters, change) -> {
            counters.values()
                    .forEach(counter -> change.accept(
                            inARow(counter) ? counter.with(0, counter.windowStart(), null) : givenBack(counter, now)));
            return null;
        });
    }

    /**
     * Makes the browser of a successful login a trusted device of the user.
     *
     * @return the device token for the browser's device cookie
     */
    public String rememberDevice(String userName) {
        String token = SessionTokens.newToken();
        Instant now = clock.now();
        records.addDevice(
                SessionTokens.hash(token),
                userName,
                now,
                now.plus(config.loginDeviceLifetime()),
                config.loginDevicesPerUser());
        return token;
    }

    /** Forgets every trusted device of a user (the account was deleted). */
    public void forgetDevices(String userName) {
        records.deleteDevicesOf(userName);
    }

    /**
     * Clears the failures in a row of a user name and of its codes, ending a back-off or a lock (an administrator's
     * reset).
     */
    public void reset(String userName) {
        records.reset(List.of(nameSubject(userName), codeSubject(userName)));
    }

    /**
     * Another second factor (a passkey) proved the user: clears the failures of the user's codes, ending their
     * back-off or lock.
     */
    public void unlockCodes(String userName) {
        records.reset(List.of(codeSubject(userName)));
    }

    /**
     * Clears the failures in a row of a user name only (a new password): the back-off of the user's codes stays, so
     * that whoever can reset the password cannot also reset the guessing of the second factor.
     */
    public void resetName(String userName) {
        records.reset(List.of(nameSubject(userName)));
    }

    private static String nameSubject(String userName) {
        return NAME + digest(UserNames.throttled(userName));
    }

    private static String codeSubject(String userName) {
        return CODE + digest(UserNames.throttled(userName));
    }

    private static String addressSubject(String clientAddress) {
        return ADDRESS + digest(ThrottledAddress.of(clientAddress));
    }

    /** @return whether the failures of all untrusted logins in the current global window reach the global limit */
    private boolean isUnderSpray(LoginCounter all, Instant now) {
        return all != null
                && config.loginGlobalLimit() > 0
                && !windowOver(all, now)
                && all.attempts() >= config.loginGlobalLimit();
    }

    private static boolean inARow(LoginCounter counter) {
        return counter.subject().startsWith(NAME)
                || counter.subject().startsWith(DEVICE)
                || counter.subject().startsWith(CODE);
    }

    /** @param underSpray whether the site is under a spray, which tightens the address limit */
    private Duration waitOf(LoginCounter counter, Instant now, boolean underSpray) {
        if (inARow(counter)) {
            return counter.blockedUntil() != null && now.isBefore(counter.blockedUntil())
                    ? Duration.between(now, counter.blockedUntil())
                    : Duration.ZERO;
        }
        if (counter.subject().equals(ALL)) {
            return Duration.ZERO; // the global count only tells whether the site is under a spray
        }
        int limit = underSpray
                ? Math.min(config.loginAddressLimit(), config.loginSprayAddressLimit())
                : config.loginAddressLimit();
        Instant windowEnd = counter.windowStart().plus(window(counter));
        return !windowOver(counter, now) && counter.attempts() >= limit
                ? Duration.between(now, windowEnd)
                : Duration.ZERO;
    }

    private LoginCounter counted(LoginCounter counter, Instant now) {
        if (inARow(counter)) {
            int failures = counter.attempts() + 1;
            Duration wait = new LoginThrottle(config.freeLoginAttempts(), config.maxLoginBackoff()).waitAfter(failures);
            return counter.with(failures, counter.windowStart(), wait == null ? null : now.plus(wait));
        }
        return windowOver(counter, now)
                ? counter.with(1, now, null)
                : counter.with(counter.attempts() + 1, counter.windowStart(), null);
    }

    private LoginCounter givenBack(LoginCounter counter, Instant now) {
        return windowOver(counter, now) || counter.attempts() == 0
                ? counter
                : counter.with(counter.attempts() - 1, counter.windowStart(), null);
    }

    /**
     * @return whether the counter's window has ended; a window that starts more than a window ahead of this node's
     *     clock (a clock set back) has ended too, while small differences between the nodes' clocks do not end one
     */
    private boolean windowOver(LoginCounter counter, Instant now) {
        Duration window = window(counter);
        return !now.isBefore(counter.windowStart().plus(window))
                || now.plus(window).isBefore(counter.windowStart());
    }

    private Duration window(LoginCounter counter) {
        return counter.subject().equals(ALL) ? config.loginGlobalWindow() : config.loginAddressWindow();
    }

    private static String digest(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
