package dev.usersession.internal.store;

import dev.usersession.spi.SessionRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The session rows one node read lately, least recently used dropped past a size. Holds only what the database said:
 * {@link CachedSessions} tells it which sessions changed, and whether it may serve at all.
 *
 * <p>A read from the database races the changes that arrive meanwhile: a request that read a row just before another
 * node changed it must not put the old row back after the change's announcement removed it. So a reader takes a
 * {@link #ticket()} before it reads, and {@link #offer} refuses its row when the session (or the whole cache) was
 * declared changed after that ticket. The changes of the last {@code capacity} sessions are remembered for this; an
 * offer older than the oldest change forgotten is refused too.
 *
 * <p>A change this node made itself is applied to its row here ({@link #advanced}, {@link #touched}), with the row
 * version the database gives the row for it; when the change's announcement arrives with that row version (or an
 * older one), the row stays. Any other announced change drops it.
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
        return entry.row.session();
    }

    /**
     * Keeps a row read from the database at {@code readAt} (a {@link System#nanoTime()}), unless the session or the
     * cache changed after {@code ticket}.
     *
     * @return whether it was kept
     */
    synchronized boolean offer(long ticket, Row row, long readAt) {
        if (ticket < floor) {
            return false;
        }
        Long changed = changes.get(row.session().id());
        if (changed != null && changed > ticket) {
            return false;
        }
        entries.put(row.session().id(), new Entry(row, readAt));
        return true;
    }

    /** The session changed (or ended): its row is dropped, and rows of it read before now are refused. */
    synchronized void changed(String sessionId) {
        noteChange(sessionId);
        entries.remove(sessionId);
    }

    /**
     * A change of the session was announced; {@code rowVersion} is the row version it gave the row (absent when the
     * session ended, or the announcement does not say). The row stays when it already has this change or a later
     * one (its row version is not lower: this node made the change, or read the row after it); otherwise it is
     * dropped. Either way rows of it read before now are refused.
     */
    synchronized void announced(String sessionId, OptionalLong rowVersion) {
        noteChange(sessionId);
        Entry entry = entries.get(sessionId);
        if (entry != null && (rowVersion.isEmpty() || rowVersion.getAsLong() > entry.row.rowVersion())) {
            entries.remove(sessionId);
        }
    }

    /**
     * This node advanced the session's state version from {@code expected} to {@code advanced} (one update of the
     * row), having taken {@code ticket} before it wrote: the cached row, when it was at {@code expected} and nothing
     * about the session changed in the cache since the ticket, now carries the new state version and the row version
     * that update gave it; otherwise it is dropped.
     */
    synchronized void advanced(String sessionId, long ticket, long expected, long advanced) {
        Entry entry = unchangedSince(sessionId, ticket);
        noteChange(sessionId);
        if (entry == null) {
            entries.remove(sessionId);
            return;
        }
        SessionRecord old = entry.row.session();
        if (old.stateVersion() != expected) {
            entries.remove(sessionId);
            return;
        }
        updated(entry, old.lastAccess(), old.idleExpiry(), advanced);
    }

    /**
     * This node moved the session's last access and idle expiry (one update of the row), having taken {@code ticket}
     * before it wrote: applied to the cached row when nothing about the session changed in the cache since the
     * ticket, else the row is dropped.
     */
    synchronized void touched(String sessionId, long ticket, Instant lastAccess, Instant idleExpiry) {
        Entry entry = unchangedSince(sessionId, ticket);
        noteChange(sessionId);
        if (entry == null) {
            entries.remove(sessionId);
            return;
        }
        updated(entry, lastAccess, idleExpiry, entry.row.session().stateVersion());
    }

    /** Keeps the row as one update of this node left it: these values, and the next row version. */
    private void updated(Entry entry, Instant lastAccess, Instant idleExpiry, long stateVersion) {
        SessionRecord old = entry.row.session();
        SessionRecord updated = new SessionRecord(
                old.id(),
                old.userName(),
                old.groups(),
                old.created(),
                lastAccess,
                idleExpiry,
                old.absoluteExpiry(),
                old.client(),
                stateVersion,
                old.proofs(),
                old.binding());
        entries.put(old.id(), new Entry(new Row(updated, entry.row.rowVersion() + 1), entry.readAt));
    }

    /**
     * @return the session's cached row when it was there before {@code ticket} and no change of the session reached
     *     the cache since (a row read anew in between may already be past this node's own update), else {@code null}
     */
    private Entry unchangedSince(String sessionId, long ticket) {
        Long changed = changes.get(sessionId);
        if (ticket < floor || changed != null && changed > ticket) {
            return null;
        }
        return entries.get(sessionId);
    }

    private void noteChange(String sessionId) {
        sequence++;
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

    /**
     * A session row as read from the database.
     *
     * @param session the session
     * @param rowVersion the row's version, advanced by the database at every change of the row
     */
    record Row(SessionRecord session, long rowVersion) {}

    private record Entry(Row row, long readAt) {}
}
