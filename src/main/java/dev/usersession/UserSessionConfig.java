package dev.usersession;

import static dev.usersession.SettingsTable.*;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The library's settings, with safe defaults; {@code docs/settings.md} lists them all, by group, with their defaults,
 * the values they allow and what they mean. Each is read from MicroProfile Config when the server has it (WildFly and
 * Payara do: system properties, environment variables such as {@code USERSESSION_IDLE_TIMEOUT}, or
 * {@code META-INF/microprofile-config.properties} in the application), else from system properties. Durations use
 * ISO-8601 ({@code PT30M}). Every setting is read once, into an immutable snapshot, and checked at deployment: a value
 * that cannot be used (not of its type, out of its range, an absolute timeout shorter than the idle timeout) fails the
 * deployment with a message naming the setting and the values it allows.
 *
 * <p>An application can also replace this bean with an {@code @Alternative @Priority} subclass that overrides getters;
 * the library reads its settings through the bean it resolves. The one exception is {@link #mechanismEnabled()}: it
 * decides which beans exist, so it is read from the configuration sources before any bean can be created, and a
 * subclass that answers otherwise fails the deployment.
 */
@ApplicationScoped
public class UserSessionConfig {

    /** Read on first use (the deployment's check), not in the constructor: client proxies subclass this bean. */
    private volatile SettingsSnapshot snapshot;

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

    /** Whether sessions are bound to a key of their browser ({@code usersession.device-binding}). */
    public enum DeviceBindingMode {
        /** Nothing is offered or checked. */
        OFF,
        /** Browsers that can are offered a binding; a bound session needs its bound cookie. */
        OFFERED,
        /** As {@link #OFFERED}, and calls that require {@code AAL2} need a bound session. */
        REQUIRED_FOR_LEVEL,
        /** Every session must be bound within moments of its login; browsers without DBSC cannot stay signed in. */
        REQUIRED
    }

    /** Whether each node caches the session rows it served ({@code usersession.cache}). */
    public enum SessionCacheMode {
        /** On where the database pushes changes (PostgreSQL), off elsewhere. */
        AUTO,
        /** On with every database: pushed where it can, polled from the change table elsewhere. */
        ON,
        /** Every request reads its session row. */
        OFF
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
        return snapshot().get(IDLE_TIMEOUT);
    }

    /** @return how long a session lives at most */
    public Duration absoluteTimeout() {
        return snapshot().get(ABSOLUTE_TIMEOUT);
    }

    /** @return the fraction of the idle timeout after which the last-access time is written again */
    public double touchFraction() {
        return snapshot().get(TOUCH_FRACTION);
    }

    /** @return whether a new session starts with the state of the user's most recently used session */
    public boolean carryStateToNewSessions() {
        return snapshot().get(CARRY_STATE);
    }

    /** @return the cookie name as sent: with the {@code __Host-} prefix when the cookie is secure */
    public String cookieName() {
        String name = snapshot().get(COOKIE_NAME_SETTING);
        return cookieSecure() ? "__Host-" + name : name;
    }

    /** @return whether the cookie is marked Secure (and so carries the {@code __Host-} prefix) */
    public boolean cookieSecure() {
        return snapshot().get(COOKIE_SECURE);
    }

    /** @return the cookie's SameSite attribute: {@code Lax} or {@code Strict} */
    public String cookieSameSite() {
        return snapshot().get(COOKIE_SAME_SITE);
    }

    /** @return whether a response to a session request gets {@code Cache-Control: private, no-store} if it has none */
    public boolean cacheControlNoStore() {
        return snapshot().get(CACHE_CONTROL_NO_STORE);
    }

    /** @return whether an {@code Authorization: Bearer} token is accepted */
    public boolean bearerEnabled() {
        return snapshot().get(BEARER_ENABLED);
    }

    /** @return the application's login page, relative to its context path */
    public String loginPage() {
        return snapshot().get(LOGIN_PAGE);
    }

    /** @return origins, besides the application's own, allowed to send state-changing requests */
    public Set<String> allowedOrigins() {
        return snapshot().get(ALLOWED_ORIGINS);
    }

    /**
     * @return whether the library's authentication mechanism is used; a subclass that overrides this must answer as
     *     {@link #mechanismEnabledInSources()} does, else the deployment fails
     */
    public boolean mechanismEnabled() {
        return snapshot().get(MECHANISM_ENABLED);
    }

    /**
     * Reads {@code usersession.mechanism.enabled} from the configuration sources alone, as the library does before
     * any bean exists to decide whether it registers its authentication mechanism.
     *
     * @return the setting as the sources give it; its default, {@code true}, when it is absent or cannot be used (the
     *     deployment then fails naming it)
     */
    public static boolean mechanismEnabledInSources() {
        try {
            return MECHANISM_ENABLED.read(ConfigLookup.value(MECHANISM_ENABLED.name()));
        } catch (IllegalStateException cannotBeUsed) {
            return MECHANISM_ENABLED.defaultValue();
        }
    }

    /** @return path prefixes (within the application) whose requests go to the application's other mechanism */
    public List<String> mechanismOtherPaths() {
        return snapshot().get(MECHANISM_OTHER_PATHS);
    }

    /** @return how long a "keep me signed in" series lasts without use */
    public Duration rememberMeLifetime() {
        return snapshot().get(REMEMBER_ME_LIFETIME);
    }

    /** @return how long after a rotation the previous remember-me token still counts */
    public Duration rememberMeGrace() {
        return snapshot().get(REMEMBER_ME_GRACE);
    }

    /** @return whether and how sessions are bound to a key of their browser */
    public DeviceBindingMode deviceBinding() {
        return snapshot().get(DEVICE_BINDING_MODE);
    }

    /** @return how long a bound cookie is accepted after the browser proved its key */
    public Duration boundCookieLifetime() {
        return snapshot().get(BOUND_COOKIE_LIFETIME);
    }

    /** @return the name shown beside one-time codes in authenticator apps and as the passkey relying party */
    public String factorsIssuer() {
        return snapshot().get(FACTORS_ISSUER);
    }

    /** @return how recent a proof of identity must be to disable or remove a factor */
    public Duration factorsRecent() {
        return snapshot().get(FACTORS_RECENT);
    }

    /** @return the 256-bit key that seals one-time code secrets, base64; empty for none */
    public String totpKey() {
        return snapshot().get(TOTP_KEY);
    }

    /** @return the WebAuthn relying party id; empty: the host of each request */
    public String passkeysRpId() {
        return snapshot().get(PASSKEYS_RP_ID);
    }

    /** @return origins passkey responses may come from; empty: the request's own origin and the allowed origins */
    public Set<String> passkeysOrigins() {
        return snapshot().get(PASSKEYS_ORIGINS);
    }

    /** @return the cap on live sessions per user, 0 for none */
    public int maxSessionsPerUser() {
        return snapshot().get(MAX_SESSIONS_PER_USER);
    }

    /** @return what a login past the cap does */
    public OnMaxSessions onMaxSessions() {
        return snapshot().get(ON_MAX_SESSIONS);
    }

    /** @return PBKDF2 iterations for new password hashes */
    public int passwordIterations() {
        return snapshot().get(PASSWORD_ITERATIONS);
    }

    /** @return failed logins in a row before back-off starts */
    public int freeLoginAttempts() {
        return snapshot().get(FREE_ATTEMPTS);
    }

    /** @return the longest back-off, and the lock after 100 failures in a row */
    public Duration maxLoginBackoff() {
        return snapshot().get(MAX_BACKOFF);
    }

    /** @return failed logins per client address and address window before that address waits; 0 for no limit */
    public int loginAddressLimit() {
        return snapshot().get(ADDRESS_LIMIT);
    }

    /** @return the window of the per-address limit */
    public Duration loginAddressWindow() {
        return snapshot().get(ADDRESS_WINDOW);
    }

    /**
     * @return failed logins from untrusted clients per global window from which the site is under a spray and
     *     addresses get {@link #loginSprayAddressLimit}; 0 for never
     */
    public int loginGlobalLimit() {
        return snapshot().get(GLOBAL_LIMIT);
    }

    /** @return failed logins per client address and address window while the site is under a spray */
    public int loginSprayAddressLimit() {
        return snapshot().get(SPRAY_ADDRESS_LIMIT);
    }

    /** @return the window of the global limit */
    public Duration loginGlobalWindow() {
        return snapshot().get(GLOBAL_WINDOW);
    }

    /** @return how long a browser that logged in stays a trusted device of its user */
    public Duration loginDeviceLifetime() {
        return snapshot().get(DEVICE_LIFETIME);
    }

    /** @return how many trusted devices are remembered per user */
    public int loginDevicesPerUser() {
        return snapshot().get(DEVICES_PER_USER);
    }

    /** @return whether the JPA identity store validates credentials */
    public boolean identityStoreEnabled() {
        return snapshot().get(IDENTITY_STORE_ENABLED);
    }

    /** @return the JPA identity store's priority */
    public int identityStorePriority() {
        return snapshot().get(IDENTITY_STORE_PRIORITY);
    }

    /** @return how often expired sessions are removed */
    public Duration cleanupInterval() {
        return snapshot().get(CLEANUP_INTERVAL);
    }

    /** @return sessions removed per clean-up transaction */
    public int cleanupBatchSize() {
        return snapshot().get(CLEANUP_BATCH_SIZE);
    }

    /**
     * @return the share of time a long clean-up spends removing (above 0, at most 1): after each batch it pauses so
     *         that live requests keep the rest of the database and the server
     */
    public double cleanupDutyCycle() {
        return snapshot().get(CLEANUP_DUTY_CYCLE);
    }

    /** @return where the library's metrics go */
    public MetricsApi metricsApi() {
        return snapshot().get(METRICS_API);
    }

    /** @return how often the count of live sessions is refreshed */
    public Duration metricsActiveRefresh() {
        return snapshot().get(METRICS_ACTIVE_REFRESH);
    }

    /** @return how long the readiness check waits for the store */
    public Duration healthTimeout() {
        return snapshot().get(HEALTH_TIMEOUT);
    }

    /** @return the group needed for the administration API */
    public String adminRole() {
        return snapshot().get(ADMIN_ROLE);
    }

    /** @return how recent an administrator's proof of identity must be for an administration call */
    public Duration adminRecent() {
        return snapshot().get(ADMIN_RECENT);
    }

    /** @return how long a changing request waits for another of its session on this node (then 409) */
    public Duration writeWait() {
        return snapshot().get(WRITE_WAIT);
    }

    /** @return how long the statement that stores a request's change outside a transaction may take */
    public Duration writeTimeout() {
        return snapshot().get(WRITE_TIMEOUT);
    }

    /** @return whether nodes cache session rows */
    public SessionCacheMode sessionCache() {
        return snapshot().get(SESSION_CACHE_MODE);
    }

    /** @return how many session rows a node caches at most */
    public int sessionCacheSize() {
        return snapshot().get(SESSION_CACHE_SIZE);
    }

    /** @return the longest a node serves a cached session after a change of it committed elsewhere */
    public Duration revocationBound() {
        return snapshot().get(REVOCATION_BOUND);
    }

    /** @return the age past which a cached session row is read again whatever its channel said */
    public Duration cacheMaxStaleness() {
        return snapshot().get(MAX_STALENESS);
    }

    /** @return how often a node polls the change table where the database cannot push changes */
    public Duration cachePollInterval() {
        return snapshot().get(CACHE_POLL_INTERVAL);
    }

    /** @return how many sessions' bean state a node caches */
    public int stateCacheSize() {
        return snapshot().get(STATE_CACHE_SIZE);
    }

    /**
     * Checks every setting of the table, and that the absolute timeout is not shorter than the idle timeout. The
     * library's extension calls it at deployment and fails the deployment with each problem.
     *
     * @return one message per setting that cannot be used, naming it and the values it allows; empty when all are
     *     fine
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(snapshot().problems());
        if (problems.isEmpty() && absoluteTimeout().compareTo(idleTimeout()) < 0) {
            problems.add("The setting usersession.absolute-timeout (" + absoluteTimeout() + ") must not be shorter "
                    + "than usersession.idle-timeout (" + idleTimeout() + ")");
        }
        if (problems.isEmpty()
                && sessionCache() == SessionCacheMode.ON
                && cachePollInterval().multipliedBy(2).compareTo(revocationBound()) > 0) {
            problems.add("The setting usersession.cache.poll-interval (" + cachePollInterval() + ") must be at most "
                    + "half of usersession.cache.revocation-bound (" + revocationBound() + ")");
        }
        return problems;
    }

    private SettingsSnapshot snapshot() {
        SettingsSnapshot read = snapshot;
        if (read == null) {
            synchronized (this) {
                read = snapshot;
                if (read == null) {
                    read = SettingsSnapshot.read(ConfigLookup::value);
                    snapshot = read;
                }
            }
        }
        return read;
    }
}
