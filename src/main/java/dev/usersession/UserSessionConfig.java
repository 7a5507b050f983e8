package dev.usersession;

import dev.usersession.admin.UserSessionAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The library's settings, all in one place, with safe defaults. Each is read from MicroProfile Config when the server
 * has it (WildFly and Payara do: system properties, environment variables such as {@code USERSESSION_IDLE_TIMEOUT},
 * or {@code META-INF/microprofile-config.properties} in the application), else from system properties. Durations use
 * ISO-8601 ({@code PT30M}). Every setting is read and checked once, at deployment: a value that cannot be used (not
 * of its type, out of its range, an absolute timeout shorter than the idle timeout) fails the deployment with a
 * message naming the setting and the values it allows. An application can also replace this bean with an
 * {@code @Alternative @Priority} subclass; its values are checked the same way.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code usersession.idle-timeout}</td><td>{@code PT30M}</td><td>a session not used this long ends</td></tr>
 *   <tr><td>{@code usersession.absolute-timeout}</td><td>{@code PT12H}</td><td>a session ends this long after login,
 *   however busy</td></tr>
 *   <tr><td>{@code usersession.touch-fraction}</td><td>{@code 0.1}</td><td>the last-access time is written only when
 *   it is older than this fraction of the idle timeout (3 minutes by default), not on every request</td></tr>
 *   <tr><td>{@code usersession.login.carry-state}</td><td>{@code true}</td><td>a new session starts with the
 *   {@code @UserSession} state of the user's most recently used live session, so a cart follows the user to another
 *   device; {@code false} starts every session empty</td></tr>
 *   <tr><td>{@code usersession.cookie.name}</td><td>{@code usersession}</td><td>the cookie's name; sent with the
 *   {@code __Host-} prefix while the cookie is secure</td></tr>
 *   <tr><td>{@code usersession.cookie.secure}</td><td>{@code true}</td><td>{@code false} only for local development
 *   over plain http: drops {@code Secure} and the {@code __Host-} prefix (which requires HTTPS), and logs a warning
 *   at startup</td></tr>
 *   <tr><td>{@code usersession.cookie.same-site}</td><td>{@code Lax}</td><td>{@code Lax} or {@code Strict}</td></tr>
 *   <tr><td>{@code usersession.cache-control.no-store}</td><td>{@code true}</td><td>a response to a request
 *   authenticated by a session gets {@code Cache-Control: private, no-store} (so no browser or proxy cache keeps a
 *   user's page), unless the application set a {@code Cache-Control} of its own; {@code false} adds nothing</td></tr>
 *   <tr><td>{@code usersession.bearer.enabled}</td><td>{@code false}</td><td>also accept the token in an
 *   {@code Authorization: Bearer} header (for API clients)</td></tr>
 *   <tr><td>{@code usersession.login-page}</td><td>{@code /login}</td><td>where a failed form login at
 *   {@code /usersession/login} sends the browser back to, with {@code ?error=invalid|throttled|session_limit|unavailable}
 *   </td></tr>
 *   <tr><td>{@code usersession.allowed-origins}</td><td>(none)</td><td>comma-separated extra origins allowed to send
 *   state-changing requests besides the application's own (for a reverse proxy's public origin)</td></tr>
 *   <tr><td>{@code usersession.max-sessions-per-user}</td><td>{@code 0}</td><td>cap on live sessions per user; 0 is
 *   no cap</td></tr>
 *   <tr><td>{@code usersession.on-max-sessions}</td><td>{@code end-oldest}</td><td>{@code end-oldest} or
 *   {@code refuse} a login past the cap</td></tr>
 *   <tr><td>{@code usersession.password.iterations}</td><td>{@code 600000}</td><td>PBKDF2-HMAC-SHA256 iterations for
 *   new password hashes (a value below 600,000 logs a warning: use one only in tests)</td></tr>
 *   <tr><td>{@code usersession.login.free-attempts}</td><td>{@code 5}</td><td>failed logins in a row before back-off
 *   starts</td></tr>
 *   <tr><td>{@code usersession.login.max-backoff}</td><td>{@code PT15M}</td><td>the longest wait between attempts
 *   after repeated failures of one user name (or one trusted device); after 100 failures in a row from untrusted
 *   clients the name stays locked until a login from a trusted device or a reset</td></tr>
 *   <tr><td>{@code usersession.login.address-limit}</td><td>{@code 100}</td><td>failed logins from one client address
 *   per address window, whatever the names, before that address waits for the window's end (0: no limit)</td></tr>
 *   <tr><td>{@code usersession.login.address-window}</td><td>{@code PT10M}</td><td>the window of the address
 *   limit</td></tr>
 *   <tr><td>{@code usersession.login.global-limit}</td><td>{@code 300}</td><td>failed logins from untrusted clients
 *   per global window, all names and addresses together, from which the site counts as under a password spray:
 *   then each client address gets only {@code usersession.login.spray-address-limit} failures per address window
 *   (0: the site is never under a spray); nobody is refused for the global count alone, and trusted devices keep
 *   their own allowance</td></tr>
 *   <tr><td>{@code usersession.login.spray-address-limit}</td><td>{@code 10}</td><td>failed logins from one client
 *   address (an IPv6 /64) per address window while the site is under a spray (at most the address limit)</td></tr>
 *   <tr><td>{@code usersession.login.global-window}</td><td>{@code PT1M}</td><td>the window of the global limit</td></tr>
 *   <tr><td>{@code usersession.login.device-lifetime}</td><td>{@code P365D}</td><td>how long a browser that logged in
 *   successfully stays a trusted device of that user (its device cookie), with its own allowance of attempts</td></tr>
 *   <tr><td>{@code usersession.login.devices-per-user}</td><td>{@code 20}</td><td>trusted devices remembered per user
 *   (the oldest are forgotten)</td></tr>
 *   <tr><td>{@code usersession.identity-store.enabled}</td><td>{@code true}</td><td>whether the JPA identity store
 *   validates passwords (turn off when another identity store does)</td></tr>
 *   <tr><td>{@code usersession.identity-store.priority}</td><td>{@code 100}</td><td>its priority among identity
 *   stores (lower goes first)</td></tr>
 *   <tr><td>{@code usersession.cleanup.interval}</td><td>{@code PT5M}</td><td>how often expired sessions are
 *   removed</td></tr>
 *   <tr><td>{@code usersession.cleanup.batch-size}</td><td>{@code 500}</td><td>sessions removed per transaction</td></tr>
 *   <tr><td>{@code usersession.cleanup.duty-cycle}</td><td>{@code 0.5}</td><td>share of time a long clean-up works at
 *   most: after a batch it pauses for as long as the batch took (at 0.5), and longer while the node's live store
 *   reads are slower than before it began</td></tr>
 *   <tr><td>{@code usersession.mechanism.enabled}</td><td>{@code true}</td><td>{@code false}: the library registers
 *   no authentication mechanism; the server or the application's own mechanism authenticates callers, and
 *   {@code @UserSession} state belongs to a library session bound to that caller (read from the configuration
 *   sources at deployment, not from a subclass of this bean)</td></tr>
 *   <tr><td>{@code usersession.mechanism.other-paths}</td><td>none</td><td>comma-separated path prefixes (such as
 *   {@code /api/}) whose requests go to the application's other mechanism (Basic, a bearer token), never to the
 *   session cookie; elsewhere the session cookie goes first and the other mechanism gets protected requests that
 *   carry no session</td></tr>
 *   <tr><td>{@code usersession.remember-me.lifetime}</td><td>{@code P30D}</td><td>how long "keep me signed in"
 *   lasts without use (each use rotates its token and starts this again)</td></tr>
 *   <tr><td>{@code usersession.remember-me.grace}</td><td>{@code PT30S}</td><td>after a rotation, how long the token
 *   before it still opens a session (parallel requests of one browser); later it is taken as stolen</td></tr>
 *   <tr><td>{@code usersession.factors.issuer}</td><td>{@code usersession}</td><td>the name authenticator apps
 *   show beside a one-time code, and the passkey relying party's name</td></tr>
 *   <tr><td>{@code usersession.factors.recent}</td><td>{@code PT5M}</td><td>how recently the user must have proved
 *   who they are to disable one-time codes, make new recovery codes or remove a passkey</td></tr>
 *   <tr><td>{@code usersession.totp.key}</td><td>none</td><td>a 256-bit AES key (base64) that seals one-time code
 *   secrets in the database (AES-GCM); without it they are stored unsealed (never shown by the library's API
 *   after enrollment). Give it through an environment variable or the server's secret store, never in the
 *   application</td></tr>
 *   <tr><td>{@code usersession.passkeys.rp-id}</td><td>the request's host</td><td>the WebAuthn relying party id:
 *   the site's registrable domain, such as {@code shop.example}; passkeys are bound to it</td></tr>
 *   <tr><td>{@code usersession.passkeys.origins}</td><td>the request's own origin and
 *   {@code usersession.allowed-origins}</td><td>the origins passkey responses may come from</td></tr>
 *   <tr><td>{@code usersession.state-cache-size}</td><td>{@code 10000}</td><td>how many sessions' state a node keeps
 *   in memory to skip re-reading unchanged bean rows (0 turns the cache off)</td></tr>
 *   <tr><td>{@code usersession.write-wait}</td><td>{@code PT5S}</td><td>how long a request that changes a session
 *   waits for another request of the same session on the same node to finish before it is refused with 409</td></tr>
 *   <tr><td>{@code usersession.metrics}</td><td>{@code auto}</td><td>where the library's metrics go:
 *   {@code auto} (Micrometer where the server gives the application a {@code MeterRegistry}, else MicroProfile
 *   Metrics, else nowhere), {@code micrometer}, {@code microprofile} (each fails the deployment where the server has
 *   no such registry) or {@code none}</td></tr>
 *   <tr><td>{@code usersession.metrics.active-refresh}</td><td>{@code PT30S}</td><td>how often each node counts the
 *   live sessions in the store for the {@code usersession_sessions_active} gauge (one indexed count)</td></tr>
 *   <tr><td>{@code usersession.health.timeout}</td><td>{@code PT2S}</td><td>how long the readiness check waits for
 *   the session store before it reports it down</td></tr>
 *   <tr><td>{@code usersession.admin.role}</td><td>{@code usersession-admin}</td><td>the group a caller needs for
 *   {@code UserSessionAdmin} and {@code /usersession/admin}</td></tr>
 *   <tr><td>{@code usersession.admin.recent}</td><td>{@code PT15M}</td><td>how recently an administrator must have
 *   proved who they are (and, with a second factor, proved it too) for every call of {@code UserSessionAdmin} and
 *   {@code /usersession/admin}</td></tr>
 * </table>
 */
@ApplicationScoped
public class UserSessionConfig {

    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+");

    /** Where the library's metrics go ({@code usersession.metrics}). */
    public enum MetricsApi {
        /** Micrometer if the server gives one, else MicroProfile Metrics if it gives one, else none. */
        AUTO,
        /** Micrometer's {@code MeterRegistry} bean. */
        MICROMETER,
        /** MicroProfile Metrics' application {@code MetricRegistry}. */
        MICROPROFILE,
        /** No metrics. */
        NONE
    }

    /** What to do with a login past {@link #maxSessionsPerUser()}. */
    public enum OnMaxSessions {
        /** End the user's oldest session. */
        END_OLDEST,
        /** Refuse the login. */
        REFUSE
    }

    /** @return how long an unused session lives */
    public Duration idleTimeout() {
        return positive("usersession.idle-timeout", Duration.ofMinutes(30));
    }

    /** @return how long a session lives at most */
    public Duration absoluteTimeout() {
        return positive("usersession.absolute-timeout", Duration.ofHours(12));
    }

    /** @return the fraction of the idle timeout after which the last-access time is written again */
    public double touchFraction() {
        return get("usersession.touch-fraction", Double::valueOf, 0.1, value -> value > 0 && value < 1,
                "a number above 0 and below 1, such as 0.1");
    }

    /** @return whether a new session starts with the state of the user's most recently used session */
    public boolean carryStateToNewSessions() {
        return flag("usersession.login.carry-state", true);
    }

    /** @return the cookie name as sent: with the {@code __Host-} prefix when the cookie is secure */
    public String cookieName() {
        String name = get("usersession.cookie.name", Function.identity(), "usersession",
                value -> COOKIE_NAME.matcher(value).matches(), "letters, digits and !#$%&'*+.^_`|~- only");
        return cookieSecure() ? "__Host-" + name : name;
    }

    /** @return whether the cookie is marked Secure (and so carries the {@code __Host-} prefix) */
    public boolean cookieSecure() {
        return flag("usersession.cookie.secure", true);
    }

    /** @return the cookie's SameSite attribute: {@code Lax} or {@code Strict} */
    public String cookieSameSite() {
        return get("usersession.cookie.same-site", value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "lax" -> "Lax";
            case "strict" -> "Strict";
            default -> throw new IllegalArgumentException(value);
        }, "Lax", value -> true, "Lax or Strict");
    }

    /** @return whether a response to a session request gets {@code Cache-Control: private, no-store} if it has none */
    public boolean cacheControlNoStore() {
        return flag("usersession.cache-control.no-store", true);
    }

    /** @return whether an {@code Authorization: Bearer} token is accepted */
    public boolean bearerEnabled() {
        return flag("usersession.bearer.enabled", false);
    }

    /** @return the application's login page, relative to its context path */
    public String loginPage() {
        return get("usersession.login-page", Function.identity(), "/login",
                value -> value.startsWith("/") && !value.startsWith("//"), "a path that starts with a single /");
    }

    /** @return origins, besides the application's own, allowed to send state-changing requests */
    public Set<String> allowedOrigins() {
        return get("usersession.allowed-origins", value -> Arrays.stream(value.split(","))
                        .map(String::trim).filter(origin -> !origin.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                Set.of(), origins -> origins.stream().allMatch(origin -> ORIGIN.matcher(origin).matches()),
                "comma-separated origins such as https://shop.example or http://localhost:8080 (scheme, host and "
                        + "port only)");
    }

    /** @return whether the library's authentication mechanism is used */
    public boolean mechanismEnabled() {
        return flag("usersession.mechanism.enabled", true);
    }

    /** @return path prefixes (within the application) whose requests go to the application's other mechanism */
    public List<String> mechanismOtherPaths() {
        return get("usersession.mechanism.other-paths", value -> Arrays.stream(value.split(","))
                        .map(String::trim).filter(path -> !path.isEmpty()).toList(),
                List.of(), paths -> paths.stream().allMatch(path -> path.startsWith("/")),
                "comma-separated path prefixes that start with /, such as /api/");
    }

    /** @return how long a "keep me signed in" series lasts without use */
    public Duration rememberMeLifetime() {
        return positive("usersession.remember-me.lifetime", Duration.ofDays(30));
    }

    /** @return how long after a rotation the previous remember-me token still counts */
    public Duration rememberMeGrace() {
        return positive("usersession.remember-me.grace", Duration.ofSeconds(30));
    }

    /** @return the name shown beside one-time codes in authenticator apps and as the passkey relying party */
    public String factorsIssuer() {
        return get("usersession.factors.issuer", Function.identity(), "usersession",
                value -> !value.isBlank() && value.length() <= 64 && value.indexOf(':') < 0,
                "a name of 1 to 64 characters without ':'");
    }

    /** @return how recent a proof of identity must be to disable or remove a factor */
    public Duration factorsRecent() {
        return positive("usersession.factors.recent", Duration.ofMinutes(5));
    }

    /** @return the 256-bit key that seals one-time code secrets, base64; empty for none */
    public String totpKey() {
        return get("usersession.totp.key", Function.identity(), "", value -> {
            try {
                return Base64.getDecoder().decode(value).length == 32;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }, "32 bytes in base64 (openssl rand -base64 32)");
    }

    /** @return the WebAuthn relying party id; empty: the host of each request */
    public String passkeysRpId() {
        return get("usersession.passkeys.rp-id", Function.identity(), "",
                value -> value.matches("[A-Za-z0-9.-]+"), "a host name such as shop.example");
    }

    /** @return origins passkey responses may come from; empty: the request's own origin and the allowed origins */
    public Set<String> passkeysOrigins() {
        return get("usersession.passkeys.origins", value -> Arrays.stream(value.split(","))
                        .map(String::trim).filter(origin -> !origin.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                Set.of(), origins -> origins.stream().allMatch(origin -> ORIGIN.matcher(origin).matches()),
                "comma-separated origins such as https://shop.example");
    }

    /** @return the cap on live sessions per user, 0 for none */
    public int maxSessionsPerUser() {
        return atLeast("usersession.max-sessions-per-user", 0, 0);
    }

    /** @return what a login past the cap does */
    public OnMaxSessions onMaxSessions() {
        return get("usersession.on-max-sessions",
                value -> OnMaxSessions.valueOf(value.replace('-', '_').toUpperCase(Locale.ROOT)),
                OnMaxSessions.END_OLDEST, value -> true, "end-oldest or refuse");
    }

    /** @return PBKDF2 iterations for new password hashes */
    public int passwordIterations() {
        return atLeast("usersession.password.iterations", 1, 600_000);
    }

    /** @return failed logins in a row before back-off starts */
    public int freeLoginAttempts() {
        return atLeast("usersession.login.free-attempts", 0, 5);
    }

    /** @return the longest back-off, and the lock after 100 failures in a row */
    public Duration maxLoginBackoff() {
        return positive("usersession.login.max-backoff", Duration.ofMinutes(15));
    }

    /** @return failed logins per client address and address window before that address waits; 0 for no limit */
    public int loginAddressLimit() {
        return atLeast("usersession.login.address-limit", 0, 100);
    }

    /** @return the window of the per-address limit */
    public Duration loginAddressWindow() {
        return positive("usersession.login.address-window", Duration.ofMinutes(10));
    }

    /**
     * @return failed logins from untrusted clients per global window from which the site is under a spray and
     *     addresses get {@link #loginSprayAddressLimit}; 0 for never
     */
    public int loginGlobalLimit() {
        return atLeast("usersession.login.global-limit", 0, 300);
    }

    /** @return failed logins per client address and address window while the site is under a spray */
    public int loginSprayAddressLimit() {
        return atLeast("usersession.login.spray-address-limit", 1, 10);
    }

    /** @return the window of the global limit */
    public Duration loginGlobalWindow() {
        return positive("usersession.login.global-window", Duration.ofMinutes(1));
    }

    /** @return how long a browser that logged in stays a trusted device of its user */
    public Duration loginDeviceLifetime() {
        return positive("usersession.login.device-lifetime", Duration.ofDays(365));
    }

    /** @return how many trusted devices are remembered per user */
    public int loginDevicesPerUser() {
        return atLeast("usersession.login.devices-per-user", 0, 20);
    }

    /** @return whether the JPA identity store validates credentials */
    public boolean identityStoreEnabled() {
        return flag("usersession.identity-store.enabled", true);
    }

    /** @return the JPA identity store's priority */
    public int identityStorePriority() {
        return get("usersession.identity-store.priority", Integer::valueOf, 100, value -> true, "a whole number");
    }

    /** @return how often expired sessions are removed */
    public Duration cleanupInterval() {
        return positive("usersession.cleanup.interval", Duration.ofMinutes(5));
    }

    /** @return sessions removed per clean-up transaction */
    public int cleanupBatchSize() {
        return atLeast("usersession.cleanup.batch-size", 1, 500);
    }

    /**
     * @return the share of time a long clean-up spends removing (above 0, at most 1): after each batch it pauses so
     *         that live requests keep the rest of the database and the server
     */
    public double cleanupDutyCycle() {
        return get("usersession.cleanup.duty-cycle", Double::valueOf, 0.5, value -> value > 0 && value <= 1,
                "a number above 0 and at most 1, such as 0.5");
    }

    /** @return where the library's metrics go */
    public MetricsApi metricsApi() {
        return get("usersession.metrics", value -> MetricsApi.valueOf(value.toUpperCase(Locale.ROOT)),
                MetricsApi.AUTO, value -> true, "auto, micrometer, microprofile or none");
    }

    /** @return how often the count of live sessions is refreshed */
    public Duration metricsActiveRefresh() {
        return positive("usersession.metrics.active-refresh", Duration.ofSeconds(30));
    }

    /** @return how long the readiness check waits for the store */
    public Duration healthTimeout() {
        return positive("usersession.health.timeout", Duration.ofSeconds(2));
    }

    /** @return the group needed for the administration API */
    public String adminRole() {
        return get("usersession.admin.role", Function.identity(), "usersession-admin",
                value -> !value.isBlank() && value.length() <= 255, "a group name");
    }

    /** @return how recent an administrator's proof of identity must be for an administration call */
    public Duration adminRecent() {
        return positive("usersession.admin.recent", Duration.ofMinutes(15));
    }

    /** @return how long a changing request waits for another of its session on this node (then 409) */
    public Duration writeWait() {
        return positive("usersession.write-wait", Duration.ofSeconds(5));
    }

    /** @return how many sessions' bean state a node caches */
    public int stateCacheSize() {
        return atLeast("usersession.state-cache-size", 0, 10_000);
    }

    /**
     * Reads every setting and checks it, and that the absolute timeout is not shorter than the idle timeout. The
     * library's extension calls it at deployment and fails the deployment with each problem.
     *
     * @return one message per setting that cannot be used, naming it and the values it allows; empty when all are
     *     fine
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Supplier<?> setting : List.<Supplier<?>>of(this::idleTimeout, this::absoluteTimeout, this::touchFraction,
                this::carryStateToNewSessions, this::cookieName, this::cookieSecure, this::cookieSameSite,
                this::cacheControlNoStore, this::bearerEnabled, this::loginPage, this::allowedOrigins,
                this::maxSessionsPerUser, this::onMaxSessions, this::passwordIterations, this::freeLoginAttempts,
                this::maxLoginBackoff, this::loginAddressLimit, this::loginAddressWindow, this::loginGlobalLimit,
                this::loginSprayAddressLimit, this::loginGlobalWindow, this::loginDeviceLifetime,
                this::loginDevicesPerUser, this::identityStoreEnabled, this::identityStorePriority,
                this::cleanupInterval, this::cleanupBatchSize, this::cleanupDutyCycle, this::stateCacheSize, this::writeWait,
                this::factorsIssuer, this::factorsRecent, this::totpKey, this::passkeysRpId, this::passkeysOrigins,
                this::rememberMeLifetime, this::rememberMeGrace, this::mechanismEnabled,
                this::mechanismOtherPaths, this::metricsApi, this::metricsActiveRefresh, this::healthTimeout,
                this::adminRole, this::adminRecent)) {
            try {
                setting.get();
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.isEmpty() && absoluteTimeout().compareTo(idleTimeout()) < 0) {
            problems.add("The setting usersession.absolute-timeout (" + absoluteTimeout() + ") must not be shorter "
                    + "than usersession.idle-timeout (" + idleTimeout() + ")");
        }
        return problems;
    }

    private Duration positive(String name, Duration defaultValue) {
        return get(name, Duration::parse, defaultValue, value -> !value.isNegative() && !value.isZero(),
                "an ISO-8601 duration above zero, such as " + defaultValue);
    }

    private int atLeast(String name, int minimum, int defaultValue) {
        return get(name, Integer::valueOf, defaultValue, value -> value >= minimum,
                "a whole number of at least " + minimum);
    }

    private boolean flag(String name, boolean defaultValue) {
        return get(name, value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        }, defaultValue, value -> true, "true or false");
    }

    private final Map<String, Object> values = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private <T> T get(String name, Function<String, T> parse, T defaultValue, Predicate<T> valid, String allowed) {
        Object value = values.get(name);
        if (value == null) {
            value = read(name, parse, defaultValue, valid, allowed);
            values.put(name, value);
        }
        return (T) value;
    }

    private static <T> T read(String name, Function<String, T> parse, T defaultValue, Predicate<T> valid,
            String allowed) {
        Optional<String> value = ConfigLookup.value(name);
        if (value.isEmpty() || value.get().isBlank()) {
            return defaultValue;
        }
        T parsed;
        try {
            parsed = parse.apply(value.get().trim());
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (parsed == null || !valid.test(parsed)) {
            throw new IllegalStateException("The setting " + name + " has a value that cannot be used: '"
                    + value.get() + "'; allowed: " + allowed + " (default: " + describe(defaultValue) + ")");
        }
        return parsed;
    }

    private static String describe(Object defaultValue) {
        if (defaultValue instanceof Set<?> set && set.isEmpty()) {
            return "none";
        }
        if (defaultValue instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return String.valueOf(defaultValue);
    }
}
