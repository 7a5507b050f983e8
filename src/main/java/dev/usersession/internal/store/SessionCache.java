package dev.usersession.internal.store;

import dev.usersession.spi.SessionRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session rows one node read lately, least recently used dropped past a size. Holds only what the database said:
 * {@link SessionChannel} tells it which sessions changed, and whether it may serve at all.
 *
 * <p>A read from the database races the changes that arrive meanwhile: a request that read a row just before another
 * node changed it must not put the old row back after the change's announcement removed it. So a reader takes a
 * {@link #ticket()} before it reads, and {@link #offer} refuses its row when the session (or the whole cache) was
 * declared changed after that ticket. The changes of the last {@code capacity} sessions are remembered for this; an
 * offer older than the oldest change forgotten is refused too.
 */
final class SessionCache {

    private final int capacity;
    private final Map<String, Entry> entries;
    private final Map<String, Long> changes;
    private long sequence;
    private long floor;

    SessionCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > SessionCache.this.capacity;
            }
        };
        this.changes = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                if (size() > SessionCache.this.capacity) {
                    floor = Math.max(floor, eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /** @return what a reader holds while it reads a session row, to {@link #offer} it afterwards */
    synchronized long ticket() {
        return sequence;
    }

    /**
     * @return the cached row of the session when it was read from the database at or after {@code readSince} (a
     *     {@link System#nanoTime()}), else {@code null}
     */
    synchronized SessionRecord get(String sessionId, long readSince) {
        Entry entry = entries.get(sessionId);
        if (entry == null) {
            return null;
        }
        if (entry.readAt - readSince < 0) {
            entries.remove(sessionId);
            return null;
        }
        return entry.session;
    }

    /**
     * Keeps a row read from the database at {@code readAt} (a {@link System#nanoTime()}), unless the session or the
     * cache changed after {@code ticket}.
     *
     * @return whether it was kept
     */
    synchronized boolean offer(long ticket, SessionRecord session, long readAt) {
        if (ticket < floor) {
            return false;
        }
        Long changed = changes.get(session.id());
        if (changed != null && changed > ticket) {
            return false;
        }
        entries.put(session.id(), new Entry(session, readAt));
        return true;
    }

    /** The session changed (or ended): its row is dropped, and rows of it read before now are refused. */
    synchronized void changed(String sessionId) {
        sequence++;
        entries.remove(sessionId);
        changes.remove(sessionId); // re-inserted last, so that it is forgotten last
        changes.put(sessionId, sequence);
    }

    /** Anything may have changed: every row is dropped, and rows read before now are refused. */
    synchronized void clear() {
        sequence++;
        floor = sequence;
        entries.clear();
        changes.clear();
    }

    /** @return how many rows it holds */
    synchronized int size() {
        return entries.size();
    }

    private record Entry(SessionRecord session, long readAt) {}
}
