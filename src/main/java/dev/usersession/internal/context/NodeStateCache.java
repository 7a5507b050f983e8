package dev.usersession.internal.context;

import dev.usersession.UserSessionConfig;
import dev.usersession.spi.BeanStateRecord;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bean states this node read or wrote last, per session, labelled with the session's state version. Every write
 * of a session's beans advances that version in the session row, so when the row (read at the start of every unit
 * of work anyway) still carries the cached version, the bean rows need not be read again. Least recently used
 * sessions are dropped past the configured size.
 */
@ApplicationScoped
public class NodeStateCache {

    @Inject
    UserSessionConfig config;

    private Map<String, CachedStates> cache;

    @PostConstruct
    void create() {
        int capacity = config.stateCacheSize();
        cache = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedStates> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the session's bean states when the cache holds them at this state version, else {@code null} */
    public synchronized Map<String, BeanStateRecord> get(String sessionId, long stateVersion) {
        CachedStates cached = cache.get(sessionId);
        return cached != null && cached.stateVersion == stateVersion ? cached.states : null;
    }

    /**
     * @return the newest bean states this node read or wrote for the session, with their state version, or
     *     {@code null} when it has none
     */
    public synchronized Versioned latest(String sessionId) {
        CachedStates cached = cache.get(sessionId);
        return cached == null ? null : new Versioned(cached.stateVersion, cached.states);
    }

    /** Remembers the session's bean states at a state version, unless it holds a newer one. */
    public synchronized void put(String sessionId, long stateVersion, Map<String, BeanStateRecord> states) {
        CachedStates cached = cache.get(sessionId);
        if (cached == null || cached.stateVersion <= stateVersion) {
            // never back to an older version: a request that read before another one wrote must not hide that write
            cache.put(sessionId, new CachedStates(stateVersion, Map.copyOf(states)));
        }
    }

    /** Forgets a session. */
    public synchronized void remove(String sessionId) {
        cache.remove(sessionId);
    }

    private record CachedStates(long stateVersion, Map<String, BeanStateRecord> states) {}

    /**
     * A session's bean states at a state version.
     *
     * @param stateVersion the session's state version they belong to
     * @param states the bean states by bean id (unmodifiable)
     */
    public record Versioned(long stateVersion, Map<String, BeanStateRecord> states) {}
}
