package dev.usersession.internal.operations;

import dev.usersession.UserSessionConfig;
import dev.usersession.internal.store.ManagedExecutors;
import dev.usersession.spi.UserSessionStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells whether the session store answers: one cheap round trip ({@link UserSessionStore#ping()}), waited for at most
 * {@code usersession.health.timeout}. The round trip runs on a thread of the server's managed thread factory, so that a
 * database that
 * hangs (a dropped network, a full connection pool) costs the caller no more than the timeout, and a probe that still
 * hangs is waited for again rather than started once more. Logs one line at FINE when the answer changes (the store
 * itself logs its outages, one line when it fails and one when it answers again).
 */
@ApplicationScoped
public class StoreProbe {

    private static final Logger LOG = Logger.getLogger(StoreProbe.class.getName());

    /**
     * What a probe found.
     *
     * @param up whether the store answered in time
     * @param detail a short description (never a database's message: readiness endpoints are often public)
     */
    public record Result(boolean up, String detail) {}

    @Inject
    UserSessionStore store;

    @Inject
    UserSessionConfig config;

    private Future<?> running;
    private volatile Boolean lastUp;
    /**
     * One thread of the server's managed thread factory, started with the application: the probe is called on the
     * server's own threads (WildFly's management thread, Payara's health endpoint), which have neither the
     * application's JNDI names nor its context to hand on.
     */
    private volatile Optional<ThreadPoolExecutor> executor = Optional.empty();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor = ManagedExecutors.threadFactory().map(threads -> {
            ThreadPoolExecutor probes =
                    new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
            probes.prestartCoreThread();
            return probes;
        });
    }

    @PreDestroy
    void stop() {
        executor.ifPresent(ThreadPoolExecutor::shutdownNow);
    }

    /** @return whether the store answers now */
    public Result check() {
        long started = System.nanoTime();
        Result result;
        Throwable failure = null;
        Optional<ThreadPoolExecutor> executor = this.executor;
        try {
            if (executor.isEmpty()) {
                store.ping();
            } else {
                probe(executor.get()).get(config.healthTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            result = new Result(
                    true, "answered in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        } catch (TimeoutException e) {
            result = new Result(
                    false, "no answer within " + config.healthTimeout().toMillis() + " ms");
        } catch (ExecutionException | RuntimeException e) {
            failure = e instanceof ExecutionException ? e.getCause() : e;
            result = new Result(false, "the store failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new Result(false, "interrupted");
        }
        logChange(result, failure);
        return result;
    }

    private synchronized Future<?> probe(ThreadPoolExecutor executor) {
        if (running == null || running.isDone()) {
            running = executor.submit(store::ping);
        }
        return running;
    }

    private void logChange(Result result, Throwable failure) {
        Boolean before = lastUp;
        lastUp = result.up();
        if (before == null ? !result.up() : before != result.up()) {
            LOG.log(
                    Level.FINE,
                    result.up()
                            ? "The session store answers again (" + result.detail() + ")"
                            : "The session store is not ready: " + result.detail(),
                    failure);
        }
    }
}
