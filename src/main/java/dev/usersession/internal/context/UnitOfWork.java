package dev.usersession.internal.context;

import dev.usersession.internal.state.BeanStateModel;
import dev.usersession.spi.BeanStateChange;
import dev.usersession.spi.BeanStateRecord;
import dev.usersession.spi.SessionRecord;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One unit of work of one session (a request, or a {@code UserSessions.runIn} call): the bean instances it created,
 * the state each was loaded from, and which ones it used. Bound to one thread at a time: an asynchronous request's
 * unit of work moves to the threads that go on with it (see {@code UserSessions.propagate}), never used by two at once.
 */
public final class UnitOfWork {

    private static final Logger LOG = Logger.getLogger(UnitOfWork.class.getName());

    private SessionRecord session;
    private String renewedToken;
    private final Function<SessionRecord, Map<String, BeanStateRecord>> stateLoader;
    private final Map<Contextual<?>, Entry<?>> entries = new HashMap<>();
    private final Map<Object, Entry<?>> entriesByInstance = new IdentityHashMap<>();
    private final Consumer<UnitOfWork> beforeFirstChange;
    private Map<String, BeanStateRecord> storedStates;
    private long stateVersion;
    private volatile boolean ended;
    /** A changing call began: the unit of work asked for its session's write lock. */
    private boolean changing;

    private Runnable releaseWriteLock;
    UnitOfWork previous;

    /**
     * @param stateLoader reads the session's bean states when the first bean is touched
     * @param beforeFirstChange runs before the first changing call on one of the session's beans (see
     *     {@link SessionWriteLocks}); what it throws, that call throws
     */
    UnitOfWork(
            SessionRecord session,
            Function<SessionRecord, Map<String, BeanStateRecord>> stateLoader,
            Consumer<UnitOfWork> beforeFirstChange) {
        this.session = session;
        this.stateLoader = stateLoader;
        this.beforeFirstChange = beforeFirstChange;
        this.stateVersion = session.stateVersion();
    }

    /** @return the session this unit of work runs in, as read when it began */
    public SessionRecord session() {
        return session;
    }

    /**
     * The session was given a new token while this unit of work ran (a password change): it goes on in the renewed
     * session, whose state is the same, and the new token waits to be sent to the client.
     */
    void renewed(SessionRecord renewedSession, String token) {
        session = renewedSession;
        renewedToken = token;
    }

    /** @return the new token of a renewed session, once: the caller sends it to the client; else {@code null} */
    public String takeRenewedToken() {
        String token = renewedToken;
        renewedToken = null;
        return token;
    }

    /** Marks this unit of work as ended: its beans can no longer be used (code on another thread may still hold it). */
    void ended() {
        ended = true;
    }

    /** @return whether this unit of work has ended */
    public boolean isEnded() {
        return ended;
    }

    long stateVersion() {
        return stateVersion;
    }

    /** @return the bean states loaded for this unit of work, or {@code null} when no bean was touched */
    Map<String, BeanStateRecord> loadedStates() {
        return storedStates;
    }

    @SuppressWarnings("unchecked")
    <T> T instance(Contextual<T> contextual, CreationalContext<T> creationalContext, BeanStateModels models) {
        Entry<T> entry = (Entry<T>) entries.get(contextual);
        if (entry != null) {
            // A call through the client proxy: for a bean without read-only methods, that is a use.
            if (entry.usedByEveryCall) {
                use(entry);
            }
            return entry.instance;
        }
        if (creationalContext == null) {
            return null;
        }
        BeanStateModels.Known known = models.of(contextual);
        if (storedStates == null) {
            storedStates = stateLoader.apply(session);
        }
        entry = restore(
                contextual,
                creationalContext,
                known,
                storedStates.get(known.state().beanId()));
        entries.put(contextual, entry);
        entriesByInstance.put(entry.instance, entry);
        return entry.instance;
    }

    private <T> Entry<T> restore(
            Contextual<T> contextual,
            CreationalContext<T> creationalContext,
            BeanStateModels.Known known,
            BeanStateRecord stored) {
        BeanStateModel model = known.state();
        boolean usedByEveryCall = known.usage() == UsageTracking.BY_CONTEXT;
        T instance = contextual.create(creationalContext);
        if (stored == null) {
            return new Entry<>(
                    contextual,
                    creationalContext,
                    instance,
                    model,
                    model.encode(instance),
                    BeanStateChange.NEW,
                    usedByEveryCall);
        }
        restoreInto(instance, model, stored.json());
        return new Entry<>(
                contextual, creationalContext, instance, model, stored.json(), stored.version(), usedByEveryCall);
    }

    /** Restores an instance from stored JSON; a state that cannot be restored leaves it as it was, and is logged. */
    private void restoreInto(Object instance, BeanStateModel model, String json) {
        List<String> problems = model.restore(instance, json);
        if (!problems.isEmpty()) {
            LOG.log(
                    Level.SEVERE,
                    "The stored state of @UserSession bean {0} in session {1} could not be restored, "
                            + "so the bean keeps the state it had: {2}",
                    new Object[] {model.beanId(), session.id(), String.join("; ", problems)});
        }
    }

    void markUsed(Object instance) {
        Entry<?> entry = entriesByInstance.get(instance);
        if (entry != null) {
            use(entry);
        }
    }

    private void use(Entry<?> entry) {
        if (!changing) {
            changing = true;
            beforeFirstChange.accept(this);
        }
        entry.used = true;
    }

    /** Holds its session's write lock until it ends; {@code release} gives it back. */
    void holdWriteLock(Runnable release) {
        releaseWriteLock = release;
    }

    /** Gives back its session's write lock, if it holds it. */
    void releaseWriteLock() {
        Runnable release = releaseWriteLock;
        releaseWriteLock = null;
        if (release != null) {
            release.run();
        }
    }

    /**
     * @return whether a unit of work this one runs nested in (on the same thread) holds the write lock of that session:
     *     this one must not wait for it
     */
    boolean nestedInWriterOf(String sessionId) {
        for (UnitOfWork outer = previous; outer != null; outer = outer.previous) {
            if (outer.releaseWriteLock != null && outer.session.id().equals(sessionId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes newer stored states, written by another unit of work of this node since this one read them, as the
     * states its beans were loaded from: restores each bean whose stored version changed. Called before the first
     * changing call, when no bean of this unit of work has changed yet.
     */
    void reload(long newerStateVersion, Map<String, BeanStateRecord> newerStates) {
        storedStates = newerStates;
        stateVersion = newerStateVersion;
        for (Entry<?> entry : entries.values()) {
            BeanStateRecord stored = newerStates.get(entry.model.beanId());
            if (stored != null && stored.version() != entry.loadedVersion) {
                restoreInto(entry.instance, entry.model, stored.json());
                entry.loadedJson = stored.json();
                entry.loadedVersion = stored.version();
            }
        }
    }

    /** @return the state of each used bean that differs from what was loaded */
    List<BeanStateChange> changes() {
        List<BeanStateChange> changes = new ArrayList<>();
        for (Entry<?> entry : entries.values()) {
            if (entry.used) {
                String json = entry.model.encode(entry.instance);
                if (!json.equals(entry.loadedJson)) {
                    changes.add(new BeanStateChange(entry.model.beanId(), json, entry.loadedVersion));
                }
            }
        }
        return changes;
    }

    /** Takes stored changes as the new loaded state, so that a second flush writes only what changed since. */
    void saved(List<BeanStateChange> changes, long newStateVersion) {
        Map<String, BeanStateChange> byBean = new HashMap<>();
        changes.forEach(change -> byBean.put(change.beanId(), change));
        for (Entry<?> entry : entries.values()) {
            BeanStateChange change = byBean.get(entry.model.beanId());
            if (change != null) {
                entry.loadedJson = change.json();
                entry.loadedVersion = change.expectedVersion() + 1;
                entry.used = false;
            }
        }
        stateVersion = newStateVersion;
    }

    <T> void destroy(Contextual<T> contextual) {
        @SuppressWarnings("unchecked")
        Entry<T> entry = (Entry<T>) entries.remove(contextual);
        if (entry != null) {
            entriesByInstance.remove(entry.instance);
            entry.destroy();
        }
    }

    /** Destroys every instance this unit of work created ({@code @PreDestroy} runs). */
    void destroyAll() {
        for (Contextual<?> contextual : List.copyOf(entries.keySet())) {
            try {
                destroy(contextual);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Destroying @UserSession bean instance " + contextual + " failed", e);
            }
        }
    }

    private static final class Entry<T> {
        final Contextual<T> contextual;
        final CreationalContext<T> creationalContext;
        final T instance;
        final BeanStateModel model;
        String loadedJson;
        long loadedVersion;
        boolean used;
        /** No method of the bean is read-only: each lookup through the proxy is a use (see {@link UsageTracking}). */
        final boolean usedByEveryCall;

        Entry(
                Contextual<T> contextual,
                CreationalContext<T> creationalContext,
                T instance,
                BeanStateModel model,
                String loadedJson,
                long loadedVersion,
                boolean usedByEveryCall) {
            this.contextual = contextual;
            this.creationalContext = creationalContext;
            this.instance = instance;
            this.model = model;
            this.loadedJson = loadedJson;
            this.loadedVersion = loadedVersion;
            this.usedByEveryCall = usedByEveryCall;
            this.used = usedByEveryCall;
        }

        void destroy() {
            contextual.destroy(instance, creationalContext);
        }
    }
}
