package dev.usersession.internal.metrics;

import dev.usersession.EndReason;
import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionEnded;
import dev.usersession.admin.AuditEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * The library's metrics, and the one place that records them. At deployment it finds the metrics API the server gives
 * the application ({@code usersession.metrics}: {@code auto} tries Micrometer, then MicroProfile Metrics 5; without
 * either nothing is recorded and the application deploys as before) and makes every meter once, so that recording is a
 * counter's increment or a histogram's update, never a lookup.
 *
 * <table>
 *   <caption>Metrics (Prometheus names; MicroProfile Metrics adds {@code mp_scope="application"})</caption>
 *   <tr><th>name</th><th>labels</th><th>what</th></tr>
 *   <tr><td>{@code usersession_sessions_active}</td><td></td><td>live sessions in the store (a gauge: the count
 *   refreshed every {@code usersession.metrics.active-refresh}, moved by this node's logins and ends between)</td></tr>
 *   <tr><td>{@code usersession_logins_total}</td><td>{@code outcome}: succeeded, failed, throttled,
 *   second_factor_pending, second_factor_failed</td><td>login attempts by outcome</td></tr>
 *   <tr><td>{@code usersession_sessions_ended_total}</td><td>{@code reason}: logout, expired, revoked,
 *   renewed</td><td>sessions ended</td></tr>
 *   <tr><td>{@code usersession_conflicts_total}</td><td></td><td>writes refused because another request changed the
 *   same state first (answered 409)</td></tr>
 *   <tr><td>{@code usersession_store_failures_total}</td><td></td><td>store operations that failed (answered
 *   503)</td></tr>
 *   <tr><td>{@code usersession_store_seconds}</td><td>{@code operation}: read, write</td><td>store latency
 *   (histogram)</td></tr>
 *   <tr><td>{@code usersession_state_bytes}</td><td>{@code bean}: the bean class</td><td>encoded size of the state
 *   written (histogram)</td></tr>
 *   <tr><td>{@code usersession_cleanup_removed_total}</td><td></td><td>expired sessions the clean-up
 *   removed</td></tr>
 *   <tr><td>{@code usersession_cleanup_seconds}</td><td></td><td>duration of clean-up runs</td></tr>
 * </table>
 */
@ApplicationScoped
public class SessionMetrics {

    private static final Logger LOG = Logger.getLogger(SessionMetrics.class.getName());
    private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";
    private static final String MICROPROFILE = "org.eclipse.microprofile.metrics.MetricRegistry";

    /** The outcomes of logins counted from the audit trail's events. */
    private static final Map<AuditEvent.Type, String> LOGIN_OUTCOMES = new EnumMap<>(Map.of(
            AuditEvent.Type.LOGIN_SUCCEEDED,
            "succeeded",
            AuditEvent.Type.LOGIN_FAILED,
            "failed",
            AuditEvent.Type.LOGIN_THROTTLED,
            "throttled",
            AuditEvent.Type.SECOND_FACTOR_PENDING,
            "second_factor_pending",
            AuditEvent.Type.SECOND_FACTOR_FAILED,
            "second_factor_failed"));

    private static final List<String> BINDING_OUTCOMES =
            List.of("registered", "refreshed", "restored", "proof_refused", "request_refused");

    @Inject
    UserSessionConfig config;

    /**
     * The registries are looked up through an injected {@code Instance}, not the bean manager's: Payara's
     * {@code MetricRegistry} producer reads the injection point, which a bean manager's lookup does not have.
     */
    @Inject
    Instance<Object> beans;

    private volatile Meters meters = Meters.NONE;
    private volatile Map<AuditEvent.Type, Meters.Count> logins = Map.of();
    private volatile Map<EndReason, Meters.Count> ended = Map.of();
    private final Map<String, Meters.Amount> stateSizes = new ConcurrentHashMap<>();
    private volatile Meters.Count conflicts = amount -> {};
    private volatile Meters.Count storeFailures = amount -> {};
    private volatile Meters.Amount storeReads = value -> {};
    private volatile long typicalStoreRead;
    private volatile Meters.Amount storeWrites = value -> {};
    private volatile Map<String, Meters.Count> bindings = Map.of();
    private volatile Meters.Count cleanupRemoved = amount -> {};
    private volatile Meters.Amount cleanupDurations = value -> {};
    private volatile Meters.Count cacheHits = amount -> {};
    private volatile Meters.Count cacheMisses = amount -> {};
    private volatile Meters.Amount revocationLags = value -> {};

    /**
     * Makes the meters in the server's metrics API as soon as the application starts (before other observers of the
     * start, such as the active-session count, register theirs).
     *
     * @throws DeploymentException when {@code usersession.metrics} names an API this server does not give
     */
    void start(
            @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started) {
        Meters found = find(config.metricsApi());
        if (found == Meters.NONE) {
            return;
        }
        Map<AuditEvent.Type, Meters.Count> byOutcome = new EnumMap<>(AuditEvent.Type.class);
        LOGIN_OUTCOMES.forEach((type, outcome) -> byOutcome.put(
                type, found.counter("usersession.logins", "Login attempts by outcome", "outcome", outcome)));
        Map<EndReason, Meters.Count> byReason = new EnumMap<>(EndReason.class);
        for (EndReason reason : EndReason.values()) {
            byReason.put(
                    reason,
                    found.counter(
                            "usersession.sessions.ended",
                            "Sessions ended, by reason",
                            "reason",
                            reason.name().toLowerCase(Locale.ROOT)));
        }
        logins = byOutcome;
        ended = byReason;
        conflicts = found.counter(
                "usersession.conflicts",
                "Writes refused because another request changed the " + "same state first (409)",
                null,
                null);
        storeFailures =
                found.counter("usersession.store.failures", "Session store operations that failed (503)", null, null);
        storeReads = found.timer("usersession.store", "Session store latency", "operation", "read");
        storeWrites = found.timer("usersession.store", "Session store latency", "operation", "write");
        Map<String, Meters.Count> byBindingOutcome = new ConcurrentHashMap<>();
        for (String outcome : BINDING_OUTCOMES) {
            byBindingOutcome.put(
                    outcome,
                    found.counter(
                            "usersession.device.bindings",
                            "Device-bound sessions: registrations, refreshes, refused proofs and refused requests",
                            "outcome",
                            outcome));
        }
        bindings = byBindingOutcome;
        cleanupRemoved =
                found.counter("usersession.cleanup.removed", "Expired sessions removed by the clean-up", null, null);
        cleanupDurations = found.timer("usersession.cleanup", "Duration of clean-up runs", null, null);
        cacheHits = found.counter(
                "usersession.cache.hits", "Requests whose session row came from this node's cache", null, null);
        cacheMisses = found.counter(
                "usersession.cache.misses",
                "Requests whose session row was read while the cache could serve",
                null,
                null);
        revocationLags = found.timer(
                "usersession.revocation.lag",
                "From the commit of a change of a session row (the database's clock) to its removal from this "
                        + "node's cache",
                null,
                null);
        meters = found;
        LOG.info(() -> "usersession metrics go to " + found.api());
    }

    @PreDestroy
    void stop() {
        meters.close();
    }

    /** @return whether a metrics API receives what this records */
    public boolean enabled() {
        return meters != Meters.NONE;
    }

    /** Registers the gauge of live sessions (once). */
    public void activeSessions(DoubleSupplier count) {
        meters.gauge("usersession.sessions.active", "Live sessions in the store", count);
    }

    /**
     * Counts what happened to a device binding.
     *
     * @param outcome one of {@code registered}, {@code refreshed}, {@code restored} (a remembered browser's new
     *     session, by its key), {@code proof_refused}, {@code request_refused}
     */
    public void deviceBinding(String outcome) {
        Meters.Count count = bindings.get(outcome);
        if (count != null) {
            count.increment();
        }
    }

    /** Registers the gauge of session rows this node caches (once). */
    public void cacheEntries(DoubleSupplier count) {
        meters.gauge("usersession.cache.entries", "Session rows in this node's cache", count);
    }

    /** A request's session row came from the cache. */
    public void cacheHit() {
        cacheHits.increment();
    }

    /** A request's session row was read while the cache could have served it. */
    public void cacheMiss() {
        cacheMisses.increment();
    }

    /** A change of a session row reached this node's cache this long after its commit. */
    public void revocationLag(long nanos) {
        revocationLags.record(nanos);
    }

    /** A write of session state was refused because another request changed it first. */
    public void conflict() {
        conflicts.increment();
    }

    /** A store operation failed. */
    public void storeFailure() {
        storeFailures.increment();
    }

    /** A store read took this long. */
    public void storeRead(long nanos) {
        storeReads.record(nanos);
        // An exponentially weighted average over about the last 16 reads; racing updates may lose one, which is fine.
        long typical = typicalStoreRead;
        typicalStoreRead = typical == 0 ? nanos : typical + (nanos - typical) / 16;
    }

    /**
     * @return the typical latency of this node's recent store reads (a moving average over about the last 16), or 0
     *     before the first; kept whatever metrics API there is, for the clean-up's pacing
     */
    public long typicalStoreReadNanos() {
        return typicalStoreRead;
    }

    /** A store write took this long. */
    public void storeWrite(long nanos) {
        storeWrites.record(nanos);
    }

    /** A bean's state was written with this JSON. */
    public void stateWritten(String beanId, String json) {
        if (enabled()) {
            stateSizes
                    .computeIfAbsent(
                            beanId,
                            bean -> meters.sizes(
                                    "usersession.state",
                                    "Encoded size of the " + "session state written, by bean class",
                                    "bean",
                                    bean))
                    .record(json.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    /** A clean-up run removed this many expired sessions in this long. */
    public void cleanedUp(int removed, long nanos) {
        cleanupRemoved.add(removed);
        cleanupDurations.record(nanos);
    }

    void audited(@Observes AuditEvent event) {
        Meters.Count outcome = logins.get(event.type());
        if (outcome != null) {
            outcome.increment();
        }
    }

    void ended(@Observes UserSessionEnded event) {
        Meters.Count reason = ended.get(event.reason());
        if (reason != null) {
            reason.increment();
        }
    }

    private Meters find(UserSessionConfig.MetricsApi api) {
        Meters found = switch (api) {
            case NONE -> Meters.NONE;
            case MICROMETER -> micrometer();
            case MICROPROFILE -> microProfile();
            case AUTO -> {
                Meters micrometer = orNone(this::micrometer, "Micrometer");
                yield micrometer != Meters.NONE ? micrometer : orNone(this::microProfile, "MicroProfile Metrics");
            }
        };
        if (found == Meters.NONE
                && (api == UserSessionConfig.MetricsApi.MICROMETER
                        || api == UserSessionConfig.MetricsApi.MICROPROFILE)) {
            throw new DeploymentException("usersession.metrics=" + api.name().toLowerCase(Locale.ROOT)
                    + " but the server gives this application no "
                    + (api == UserSessionConfig.MetricsApi.MICROMETER
                            ? "Micrometer MeterRegistry"
                            : "MicroProfile MetricRegistry")
                    + " bean; enable it in the server, or set usersession.metrics=auto");
        }
        return found;
    }

    /** A metrics API that fails to give its registry costs the application its metrics, never its deployment. */
    private static Meters orNone(java.util.function.Supplier<Meters> api, String name) {
        try {
            return api.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(
                    java.util.logging.Level.WARNING,
                    "The server's " + name + " registry could not be used: no " + "usersession metrics there",
                    e);
            return Meters.NONE;
        }
    }

    private Meters micrometer() {
        if (!isPresent(MICROMETER)) {
            return Meters.NONE;
        }
        Instance<Object> registry = beans.select(load(MICROMETER));
        return registry.isResolvable() ? Micrometer.meters(registry.get()) : Meters.NONE;
    }

    private Meters microProfile() {
        if (!isPresent(MICROPROFILE)) {
            return Meters.NONE;
        }
        Instance<Object> registry = beans.select(load(MICROPROFILE));
        return registry.isResolvable() ? MicroProfile.meters(registry.get()) : Meters.NONE;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, SessionMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> load(String className) {
        try {
            return (Class<Object>) Class.forName(className, false, SessionMetrics.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className, e);
        }
    }

    /** Kept apart so that Micrometer's types are loaded only where they exist. */
    private static final class Micrometer {
        static Meters meters(Object registry) {
            return new MicrometerMeters((io.micrometer.core.instrument.MeterRegistry) registry);
        }
    }

    /** Kept apart so that MicroProfile Metrics' types are loaded only where they exist. */
    private static final class MicroProfile {
        static Meters meters(Object registry) {
            return new MicroProfileMeters((org.eclipse.microprofile.metrics.MetricRegistry) registry);
        }
    }
}
