package dev.usersession.operations;

import dev.usersession.UserSessionConfig;
import dev.usersession.context.ManagedExecutors;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Tells whether the session store answers: one cheap round trip ({@link UserSessionStore#ping()}), waited for at most
 * {@code usersession.health.timeout}. The round trip runs on the server's managed executor, so that a database that
 * hangs (a dropped network, a full connection pool) costs the caller no more than the timeout, and a probe that still
 * hangs is waited for again rather than started once more. Logs one line when the answer changes.
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
    public record Result(boolean up, String detail) {
    }

    @Inject
    UserSessionStore store;

    @Inject
    UserSessionConfig config;

    private Future<?> running;
    private volatile Boolean lastUp;

    /** @return whether the store answers now */
    public Result check() {
        long started = System.nanoTime();
        Result result;
        Optional<ManagedScheduledExecutorService> executor = ManagedExecutors.scheduled();
        try {
            if (executor.isEmpty()) {
                store.ping();
            } else {
                probe(executor.get()).get(config.healthTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            result = new Result(true, "answered in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                    + " ms");
        } catch (TimeoutException e) {
            result = new Result(false, "no answer within " + config.healthTimeout().toMillis() + " ms");
        } catch (ExecutionException | RuntimeException e) {
            result = new Result(false, "the store failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new Result(false, "interrupted");
        }
        logChange(result);
        return result;
    }

    private synchronized Future<?> probe(ManagedScheduledExecutorService executor) {
        if (running == null || running.isDone()) {
            running = executor.submit(store::ping);
        }
        return running;
    }

    private void logChange(Result result) {
        Boolean before = lastUp;
        lastUp = result.up();
        if (before == null ? !result.up() : before != result.up()) {
            LOG.warning(() -> result.up() ? "The session store answers again (" + result.detail() + ")"
                    : "The session store is not ready: " + result.detail());
        }
    }
}
