package dev.usersession;

import static dev.usersession.Setting.atLeast;
import static dev.usersession.Setting.commaSeparated;
import static dev.usersession.Setting.flag;
import static dev.usersession.Setting.positive;
import static dev.usersession.SettingGroup.ADMIN;
import static dev.usersession.SettingGroup.CACHE;
import static dev.usersession.SettingGroup.CLEANUP;
import static dev.usersession.SettingGroup.COOKIE;
import static dev.usersession.SettingGroup.DEVICE_BINDING;
import static dev.usersession.SettingGroup.FACTORS;
import static dev.usersession.SettingGroup.LOGIN_THROTTLING;
import static dev.usersession.SettingGroup.MECHANISM;
import static dev.usersession.SettingGroup.METRICS;
import static dev.usersession.SettingGroup.REMEMBER_ME;
import static dev.usersession.SettingGroup.SESSIONS;

import dev.usersession.UserSessionConfig.DeviceBindingMode;
import dev.usersession.UserSessionConfig.MetricsApi;
import dev.usersession.UserSessionConfig.OnMaxSessions;
import dev.usersession.UserSessionConfig.SessionCacheMode;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every {@code usersession.*} setting, declared once, by group. {@link #ALL} is what the deployment checks and what
 * the settings reference ({@code docs/settings.md}) shows; a test keeps the two and {@link UserSessionConfig}'s
 * getters in step.
 */
final class SettingsTable {

    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+");

    // sessions
    static final Setting<Duration> IDLE_TIMEOUT =
            positive(SESSIONS, "usersession.idle-timeout", Duration.ofMinutes(30), "a session not used this long ends");
    static final Setting<Duration> ABSOLUTE_TIMEOUT = positive(
            SESSIONS,
            "usersession.absolute-timeout",
            Duration.ofHours(12),
            "a session ends this long after login, however busy (never shorter than " + "`usersession.idle-timeout`)");
    static final Setting<Double> TOUCH_FRACTION = Setting.of(
            SESSIONS,
            "usersession.touch-fraction",
            0.1,
            Double::valueOf,
            value -> value > 0 && value < 1,
            "a number above 0 and below 1, such as 0.1",
            "the last-access time is written only when it is older than this fraction of the idle timeout (3 minutes "
                    + "by default), not on every request");
    static final Setting<Boolean> CARRY_STATE = flag(
            SESSIONS,
            "usersession.login.carry-state",
            true,
            "a new session starts with the `@UserSession` state of the user's most recently used live session, so a "
                    + "cart follows the user to another device; `false` starts every session empty");
    static final Setting<Integer> MAX_SESSIONS_PER_USER =
            atLeast(SESSIONS, "usersession.max-sessions-per-user", 0, 0, "cap on live sessions per user; 0 is no cap");
    static final Setting<OnMaxSessions> ON_MAX_SESSIONS = Setting.of(
            SESSIONS,
            "usersession.on-max-sessions",
            OnMaxSessions.END_OLDEST,
            value -> OnMaxSessions.valueOf(value.replace('-', '_').toUpperCase(Locale.ROOT)),
            value -> true,
            "end-oldest or refuse",
            "what a login past the cap does: `end-oldest` ends the user's "
                    + "oldest session, `refuse` refuses the login");

    // cookie and requests
    static final Setting<String> COOKIE_NAME_SETTING = Setting.of(
            COOKIE,
            "usersession.cookie.name",
            "usersession",
            Function.identity(),
            value -> COOKIE_NAME.matcher(value).matches(),
            "letters, digits and !#$%&'*+.^_`|~- only",
            "the cookie's name; sent with the `__Host-` prefix while the cookie is secure");
    static final Setting<Boolean> COOKIE_SECURE = flag(
            COOKIE,
            "usersession.cookie.secure",
            true,
            "`false` only for local development over plain http: drops `Secure` and the `__Host-` prefix (which "
                    + "requires HTTPS), and logs a warning at startup");
    static final Setting<String> COOKIE_SAME_SITE = Setting.of(
            COOKIE,
            "usersession.cookie.same-site",
            "Lax",
            value -> switch (value.toLowerCase(Locale.ROOT)) {
                case "lax" -> "Lax";
                case "strict" -> "Strict";
                default -> throw new IllegalArgumentException(value);
            },
            value -> true,
            "Lax or Strict",
            "the cookie's `SameSite` attribute");
    static final Setting<Boolean> CACHE_CONTROL_NO_STORE = flag(
            COOKIE,
            "usersession.cache-control.no-store",
            true,
            "a response to a request authenticated by a session gets `Cache-Control: private, no-store` (so no "
                    + "browser or proxy cache keeps a user's page), unless the application set a `Cache-Control` of "
                    + "its own; `false` adds nothing");
    static final Setting<Boolean> BEARER_ENABLED = flag(
            COOKIE,
            "usersession.bearer.enabled",
            false,
            "also accept the token in an `Authorization: Bearer` header (for API clients)");
    static final Setting<String> LOGIN_PAGE = Setting.of(
            COOKIE,
            "usersession.login-page",
            "/login",
            Function.identity(),
            value -> value.startsWith("/") && !value.startsWith("//"),
            "a path that starts with a single /",
            "where a failed form login at `/usersession/login` sends the browser back to, with `?error=<code>` "
                    + "(`invalid`, `throttled`, `locked`, `session_limit`, `second_factor_required`, "
                    + "`unavailable`, or a refused code's)");
    static final Setting<Set<String>> ALLOWED_ORIGINS = Setting.<Set<String>>of(
                    COOKIE,
                    "usersession.allowed-origins",
                    Set.of(),
                    SettingsTable::origins,
                    origins -> origins.stream()
                            .allMatch(origin -> ORIGIN.matcher(origin).matches()),
                    "comma-separated origins such as https://shop.example or http://localhost:8080 (scheme, host and "
                            + "port only)",
                    "extra origins allowed to send state-changing requests besides the "
                            + "application's own (for a reverse proxy's public origin)")
            .shownDefault("none");

    // authentication mechanism and identity store
    static final Setting<Boolean> MECHANISM_ENABLED = flag(
            MECHANISM,
            "usersession.mechanism.enabled",
            true,
            "`false`: the library registers no authentication mechanism; the server or the application's own "
                    + "mechanism authenticates callers, and `@UserSession` state belongs to a library session bound "
                    + "to that caller. Read from the configuration sources before any bean exists: a "
                    + "`UserSessionConfig` subclass that answers otherwise fails the deployment");
    static final Setting<List<String>> MECHANISM_OTHER_PATHS = Setting.<List<String>>of(
                    MECHANISM,
                    "usersession.mechanism.other-paths",
                    List.of(),
                    Setting::commaSeparated,
                    paths -> paths.stream().allMatch(path -> path.startsWith("/")),
                    "comma-separated path prefixes that start with /, such as /api/",
                    "path prefixes whose requests go to "
                            + "the application's other mechanism (Basic, a bearer token), never to the session cookie; "
                            + "elsewhere the session cookie goes first and the other mechanism gets protected requests that "
                            + "carry no session")
            .shownDefault("none");
    static final Setting<Boolean> IDENTITY_STORE_ENABLED = flag(
            MECHANISM,
            "usersession.identity-store.enabled",
            true,
            "whether the JPA identity store validates passwords (turn off when another identity store does)");
    static final Setting<Integer> IDENTITY_STORE_PRIORITY = Setting.of(
            MECHANISM,
            "usersession.identity-store.priority",
            100,
            Integer::valueOf,
            value -> true,
            "a whole number",
            "its priority among identity stores (lower goes first)");
    static final Setting<Integer> PASSWORD_ITERATIONS = atLeast(
            MECHANISM,
            "usersession.password.iterations",
            1,
            600_000,
            "PBKDF2-HMAC-SHA256 iterations for new password hashes (a value below 600,000 logs a warning: use "
                    + "one only in tests)");

    // login throttling
    static final Setting<Integer> FREE_ATTEMPTS = atLeast(
            LOGIN_THROTTLING, "usersession.login.free-attempts", 0, 5, "failed logins in a row before back-off starts");
    static final Setting<Duration> MAX_BACKOFF = positive(
            LOGIN_THROTTLING,
            "usersession.login.max-backoff",
            Duration.ofMinutes(15),
            "the longest wait between attempts after repeated failures of one user name (or "
                    + "one trusted device); after 100 failures in a row from untrusted clients the name stays locked "
                    + "until a login from a trusted device or a reset");
    static final Setting<Integer> ADDRESS_LIMIT = atLeast(
            LOGIN_THROTTLING,
            "usersession.login.address-limit",
            0,
            100,
            "failed logins from one client address per address window, whatever the names, before that address "
                    + "waits for the window's end (0: no limit)");
    static final Setting<Duration> ADDRESS_WINDOW = positive(
            LOGIN_THROTTLING,
            "usersession.login.address-window",
            Duration.ofMinutes(10),
            "the window of the address limit");
    static final Setting<Integer> GLOBAL_LIMIT = atLeast(
            LOGIN_THROTTLING,
            "usersession.login.global-limit",
            0,
            300,
            "failed logins from untrusted clients per global window, all names and addresses together, from which "
                    + "the site counts as under a password spray: then each client address gets only "
                    + "`usersession.login.spray-address-limit` failures per address window (0: the site is never "
                    + "under a spray); nobody is refused for the global count alone, and trusted devices keep their "
                    + "own allowance");
    static final Setting<Integer> SPRAY_ADDRESS_LIMIT = atLeast(
            LOGIN_THROTTLING,
            "usersession.login.spray-address-limit",
            1,
            10,
            "failed logins from one client address (an IPv6 /64) "
                    + "per address window while the site is under a spray (at most the address limit)");
    static final Setting<Duration> GLOBAL_WINDOW = positive(
            LOGIN_THROTTLING,
            "usersession.login.global-window",
            Duration.ofMinutes(1),
            "the window of the global limit");
    static final Setting<Duration> DEVICE_LIFETIME = positive(
            LOGIN_THROTTLING,
            "usersession.login.device-lifetime",
            Duration.ofDays(365),
            "how long a browser that logged in successfully stays a trusted device of that "
                    + "user (its device cookie), with its own allowance of attempts");
    static final Setting<Integer> DEVICES_PER_USER = atLeast(
            LOGIN_THROTTLING,
            "usersession.login.devices-per-user",
            0,
            20,
            "trusted devices remembered per user (the oldest are forgotten)");

    // remember me
    static final Setting<Duration> REMEMBER_ME_LIFETIME = positive(
            REMEMBER_ME,
            "usersession.remember-me.lifetime",
            Duration.ofDays(30),
            "how long \"keep me signed in\" lasts without use (each use rotates its token and " + "starts this again)");
    static final Setting<Duration> REMEMBER_ME_GRACE = positive(
            REMEMBER_ME,
            "usersession.remember-me.grace",
            Duration.ofSeconds(30),
            "after a rotation, how long the token before it still opens a session (parallel "
                    + "requests of one browser); later it is taken as stolen");

    // device-bound sessions
    static final Setting<DeviceBindingMode> DEVICE_BINDING_MODE = Setting.of(
            DEVICE_BINDING,
            "usersession.device-binding",
            DeviceBindingMode.OFFERED,
            value -> DeviceBindingMode.valueOf(value.replace('-', '_').toUpperCase(Locale.ROOT)),
            value -> true,
            "off, offered, required-for-level or required",
            "`offered`: every login offers browsers with Device Bound Session Credentials (Chrome 145+ on Windows) to "
                    + "bind the session to a key they keep; a bound session then needs its short-lived bound cookie "
                    + "on every request, and browsers without DBSC work as before. `required-for-level`: as offered, "
                    + "and a call of `@RequiresLogin(level = AAL2)` in a session that is not bound is refused "
                    + "(403 `device_binding_required`). `required`: a session not bound within 2 minutes of its "
                    + "login is refused on every request; this locks out browsers without DBSC (Firefox and Safari "
                    + "today). `off`: nothing is offered and nothing is checked");
    static final Setting<Duration> BOUND_COOKIE_LIFETIME = Setting.of(
            DEVICE_BINDING,
            "usersession.device-binding.cookie-lifetime",
            Duration.ofMinutes(5),
            Duration::parse,
            value -> value.compareTo(Duration.ofSeconds(150)) >= 0,
            "an ISO-8601 duration of at least PT2M30S, such as PT5M",
            "how long a bound cookie is accepted: a session cookie copied off the device works at most this long "
                    + "without the browser's key. The browser renews the bound cookie, signing with its key, about 2 "
                    + "minutes before it expires; a shorter lifetime would have it renew before every request, and "
                    + "requests race their own renewals");

    // second factors and passkeys
    static final Setting<String> FACTORS_ISSUER = Setting.of(
            FACTORS,
            "usersession.factors.issuer",
            "usersession",
            Function.identity(),
            value -> !value.isBlank() && value.length() <= 64 && value.indexOf(':') < 0,
            "a name of 1 to 64 characters without ':'",
            "the name authenticator apps show beside a one-time code, " + "and the passkey relying party's name");
    static final Setting<Duration> FACTORS_RECENT = positive(
            FACTORS,
            "usersession.factors.recent",
            Duration.ofMinutes(5),
            "how recently the user must have proved who they are to disable one-time codes, "
                    + "make new recovery codes or remove a passkey");
    static final Setting<String> TOTP_KEY = Setting.of(
                    FACTORS,
                    "usersession.totp.key",
                    "",
                    Function.identity(),
                    SettingsTable::isAesKey,
                    "32 bytes in base64 (openssl rand -base64 32)",
                    "a 256-bit AES key (base64) that "
                            + "seals one-time code secrets in the database (AES-GCM); without it they are stored unsealed "
                            + "(never shown by the library's API after enrollment). Give it through an environment variable "
                            + "or the server's secret store, never in the application")
            .shownDefault("none");
    static final Setting<String> PASSKEYS_RP_ID = Setting.of(
                    FACTORS,
                    "usersession.passkeys.rp-id",
                    "",
                    Function.identity(),
                    value -> value.matches("[A-Za-z0-9.-]+"),
                    "a host name such as shop.example",
                    "the WebAuthn relying party id: the site's registrable domain, such as `shop.example`; passkeys are "
                            + "bound to it")
            .shownDefault("the request's host");
    static final Setting<Set<String>> PASSKEYS_ORIGINS = Setting.<Set<String>>of(
                    FACTORS,
                    "usersession.passkeys.origins",
                    Set.of(),
                    SettingsTable::origins,
                    origins -> origins.stream()
                            .allMatch(origin -> ORIGIN.matcher(origin).matches()),
                    "comma-separated origins such as https://shop.example",
                    "the origins passkey responses may come from")
            .shownDefault("the request's own origin and `usersession.allowed-origins`");

    // cache and concurrency
    static final Setting<Integer> STATE_CACHE_SIZE = atLeast(
            CACHE,
            "usersession.state-cache-size",
            0,
            10_000,
            "how many sessions' state a node keeps in memory to skip re-reading unchanged bean rows (0 turns the "
                    + "cache off)");
    static final Setting<SessionCacheMode> SESSION_CACHE_MODE = Setting.of(
            CACHE,
            "usersession.cache",
            SessionCacheMode.AUTO,
            value -> SessionCacheMode.valueOf(value.toUpperCase(Locale.ROOT)),
            value -> true,
            "auto, on or off",
            "whether each node keeps the session rows it served in memory, so that a request of a cached session "
                    + "authenticates without a statement. A change of a session row on any node (a logout, a "
                    + "revocation, a new login level) reaches every node's cache pushed by the database, within "
                    + "`usersession.cache.revocation-bound` at the latest. `auto`: on with PostgreSQL, whose trigger "
                    + "of the shipped schema logs every change in the table `user_session_change`, which each node "
                    + "reads when another node wakes it with `NOTIFY`; off elsewhere. `on`: also with MariaDB and "
                    + "MySQL, whose changes are logged in the same table (`schema-mariadb-cache.sql`), which each node "
                    + "reads every `usersession.cache.poll-interval`. `off`: every request reads its session "
                    + "row. Without its trigger in the schema the cache stays off, with a warning in the log");
    static final Setting<Integer> SESSION_CACHE_SIZE = atLeast(
            CACHE,
            "usersession.cache.size",
            1,
            10_000,
            "how many session rows a node keeps at most; the least recently used one is dropped past it");
    static final Setting<Duration> REVOCATION_BOUND = Setting.of(
            CACHE,
            "usersession.cache.revocation-bound",
            Duration.ofSeconds(1),
            Duration::parse,
            value -> value.compareTo(Duration.ofMillis(100)) >= 0 && value.compareTo(Duration.ofMinutes(1)) <= 0,
            "an ISO-8601 duration from PT0.1S to PT1M, such as PT1S",
            "the longest a node serves a cached session after a change of it committed elsewhere, whatever fails: "
                    + "each node proves its channel alive by reading the change log four times per bound (when "
                    + "polling, every poll interval), and empties its cache when its latest read that succeeded is "
                    + "older than nine tenths of the bound. Normally a change arrives within milliseconds");
    static final Setting<Duration> MAX_STALENESS = positive(
            CACHE,
            "usersession.cache.max-staleness",
            Duration.ofMinutes(5),
            "the last resort: a cached session row older than this is read again, whatever its channel said");
    static final Setting<Duration> CACHE_POLL_INTERVAL = Setting.of(
            CACHE,
            "usersession.cache.poll-interval",
            Duration.ofMillis(100),
            Duration::parse,
            value -> value.compareTo(Duration.ofMillis(10)) >= 0,
            "an ISO-8601 duration of at least PT0.01S, such as PT0.1S",
            "how often a node reads the `user_session_change` table where the database cannot push (MariaDB, "
                    + "MySQL); with `usersession.cache=on`, at most half of `usersession.cache.revocation-bound`");
    static final Setting<Duration> WRITE_WAIT = positive(
            CACHE,
            "usersession.write-wait",
            Duration.ofSeconds(5),
            "how long a request that changes a session waits for another request of the same session on the same "
                    + "node to finish before it is refused with 409");

    static final Setting<Duration> WRITE_TIMEOUT = Setting.of(
            CACHE,
            "usersession.write-timeout",
            Duration.ofSeconds(10),
            Duration::parse,
            value -> value.compareTo(Duration.ofSeconds(1)) >= 0 && value.compareTo(Duration.ofMinutes(10)) <= 0,
            "an ISO-8601 duration from PT1S to PT10M, such as PT10S (whole seconds; a fraction counts as a second)",
            "how long the database may take for the one statement that stores a request's change of its beans "
                    + "outside any transaction (PostgreSQL and MariaDB under Hibernate, as on WildFly) before the "
                    + "statement is cancelled, nothing of it is stored and the request is answered 503; writes in a "
                    + "transaction are bounded by the transaction's timeout");

    // clean-up
    static final Setting<Duration> CLEANUP_INTERVAL = positive(
            CLEANUP, "usersession.cleanup.interval", Duration.ofMinutes(5), "how often expired sessions are removed");
    static final Setting<Integer> CLEANUP_BATCH_SIZE =
            atLeast(CLEANUP, "usersession.cleanup.batch-size", 1, 500, "sessions removed per transaction");
    static final Setting<Double> CLEANUP_DUTY_CYCLE = Setting.of(
            CLEANUP,
            "usersession.cleanup.duty-cycle",
            0.5,
            Double::valueOf,
            value -> value > 0 && value <= 1,
            "a number above 0 and at most 1, such as 0.5",
            "share of time a long clean-up works at most: after a batch it pauses for as long as the batch took (at "
                    + "0.5), and longer while the node's live store reads are slower than before it began");

    // metrics and health
    static final Setting<MetricsApi> METRICS_API = Setting.of(
            METRICS,
            "usersession.metrics",
            MetricsApi.AUTO,
            value -> MetricsApi.valueOf(value.toUpperCase(Locale.ROOT)),
            value -> true,
            "auto, micrometer, microprofile or none",
            "where the library's metrics go: `auto` (Micrometer where the "
                    + "server gives the application a `MeterRegistry`, else MicroProfile Metrics, else nowhere), "
                    + "`micrometer`, `microprofile` (each fails the deployment where the server has no such "
                    + "registry) or `none`");
    static final Setting<Duration> METRICS_ACTIVE_REFRESH = positive(
            METRICS,
            "usersession.metrics.active-refresh",
            Duration.ofSeconds(30),
            "how often each node counts the live sessions in the store for the "
                    + "`usersession_sessions_active` gauge (one indexed count)");
    static final Setting<Duration> HEALTH_TIMEOUT = positive(
            METRICS,
            "usersession.health.timeout",
            Duration.ofSeconds(2),
            "how long the readiness check waits for the session store before it reports it " + "down");

    // administration
    static final Setting<String> ADMIN_ROLE = Setting.of(
            ADMIN,
            "usersession.admin.role",
            "usersession-admin",
            Function.identity(),
            value -> !value.isBlank() && value.length() <= 255,
            "a group name",
            "the group a caller needs for `UserSessionAdmin` and `/usersession/admin`");
    static final Setting<Duration> ADMIN_RECENT = positive(
            ADMIN,
            "usersession.admin.recent",
            Duration.ofMinutes(15),
            "how recently an administrator must have proved who they are (and, with a second factor, proved it too) "
                    + "for every call of `UserSessionAdmin` and `/usersession/admin`");

    /** Every setting, by group in the order of {@link SettingGroup}. */
    static final List<Setting<?>> ALL = List.of(
            IDLE_TIMEOUT,
            ABSOLUTE_TIMEOUT,
            TOUCH_FRACTION,
            CARRY_STATE,
            MAX_SESSIONS_PER_USER,
            ON_MAX_SESSIONS,
            COOKIE_NAME_SETTING,
            COOKIE_SECURE,
            COOKIE_SAME_SITE,
            CACHE_CONTROL_NO_STORE,
            BEARER_ENABLED,
            LOGIN_PAGE,
            ALLOWED_ORIGINS,
            MECHANISM_ENABLED,
            MECHANISM_OTHER_PATHS,
            IDENTITY_STORE_ENABLED,
            IDENTITY_STORE_PRIORITY,
            PASSWORD_ITERATIONS,
            FREE_ATTEMPTS,
            MAX_BACKOFF,
            ADDRESS_LIMIT,
            ADDRESS_WINDOW,
            GLOBAL_LIMIT,
            SPRAY_ADDRESS_LIMIT,
            GLOBAL_WINDOW,
            DEVICE_LIFETIME,
            DEVICES_PER_USER,
            REMEMBER_ME_LIFETIME,
            REMEMBER_ME_GRACE,
            DEVICE_BINDING_MODE,
            BOUND_COOKIE_LIFETIME,
            FACTORS_ISSUER,
            FACTORS_RECENT,
            TOTP_KEY,
            PASSKEYS_RP_ID,
            PASSKEYS_ORIGINS,
            STATE_CACHE_SIZE,
            SESSION_CACHE_MODE,
            SESSION_CACHE_SIZE,
            REVOCATION_BOUND,
            MAX_STALENESS,
            CACHE_POLL_INTERVAL,
            WRITE_WAIT,
            WRITE_TIMEOUT,
            CLEANUP_INTERVAL,
            CLEANUP_BATCH_SIZE,
            CLEANUP_DUTY_CYCLE,
            METRICS_API,
            METRICS_ACTIVE_REFRESH,
            HEALTH_TIMEOUT,
            ADMIN_ROLE,
            ADMIN_RECENT);

    private SettingsTable() {}

    private static Set<String> origins(String text) {
        return Set.copyOf(commaSeparated(text));
    }

    private static boolean isAesKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
