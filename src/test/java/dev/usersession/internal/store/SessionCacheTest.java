package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.spi.SessionRecord;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the cache of session rows keeps, and the reads it refuses because a change raced them. */
class SessionCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static SessionCache.Row session(String id) {
        return new SessionCache.Row(
                new SessionRecord(
                        id, "ann", Set.of(), NOW, NOW, NOW.plusSeconds(600), NOW.plusSeconds(3600), "test", 0, null),
                7);
    }

    @Test
    void aRowReadBeforeAChangeOfItsSessionIsNotKept() {
        SessionCache cache = new SessionCache(10);
        long ticket = cache.ticket();
        cache.changed("a"); // announced while the reader was reading the old row

        assertFalse(cache.offer(ticket, session("a"), 1));
        assertNull(cache.get("a", 0));
    }

    @Test
    void aRowReadAfterTheChangeIsKept() {
        SessionCache cache = new SessionCache(10);
        cache.changed("a");
        long ticket = cache.ticket();
        SessionCache.Row row = session("a");

        assertTrue(cache.offer(ticket, row, 1));
        assertSame(row.session(), cache.get("a", 0));
    }

    @Test
    void aChangeOfAnotherSessionDoesNotRefuseTheRead() {
        SessionCache cache = new SessionCache(10);
        long ticket = cache.ticket();
        cache.changed("b");

        assertTrue(cache.offer(ticket, session("a"), 1));
    }

    @Test
    void clearingRefusesEveryReadThatStartedBefore() {
        SessionCache cache = new SessionCache(10);
        cache.offer(cache.ticket(), session("a"), 1);
        long ticket = cache.ticket();
        cache.clear();

        assertNull(cache.get("a", 0));
        assertFalse(cache.offer(ticket, session("b"), 1));
        assertTrue(cache.offer(cache.ticket(), session("b"), 1));
    }

    @Test
    void aReadOlderThanTheChangesItStillRemembersIsRefused() {
        SessionCache cache = new SessionCache(2);
        long ticket = cache.ticket();
        cache.changed("a");
        cache.changed("b");
        cache.changed("c"); // "a" is forgotten: the cache no longer knows whether the read raced it

        assertFalse(cache.offer(ticket, session("a"), 1));
        assertFalse(cache.offer(ticket, session("z"), 1));
    }

    @Test
    void theLeastRecentlyUsedRowGoesPastTheSize() {
        SessionCache cache = new SessionCache(2);
        cache.offer(cache.ticket(), session("a"), 1);
        cache.offer(cache.ticket(), session("b"), 1);
        cache.get("a", 0);
        cache.offer(cache.ticket(), session("c"), 1);

        assertEquals(2, cache.size());
        assertNull(cache.get("b", 0));
        assertTrue(cache.get("a", 0) != null && cache.get("c", 0) != null);
    }

    @Test
    void aRowReadBeforeTheGivenTimeIsDropped() {
        SessionCache cache = new SessionCache(10);
        cache.offer(cache.ticket(), session("a"), 100);

        assertTrue(cache.get("a", 100) != null);
        assertNull(cache.get("a", 101), "older than the maximum staleness");
        assertEquals(0, cache.size());
    }

    @Test
    void anOwnChangeKeepsTheRowWithTheRowVersionTheDatabaseGivesIt() {
        SessionCache cache = new SessionCache(10);
        cache.offer(cache.ticket(), session("a"), 1);

        cache.advanced("a", cache.ticket(), 0, 1);
        assertEquals(1, cache.get("a", 0).stateVersion());
        cache.announced("a", OptionalLong.of(8)); // the announcement of that change: row version 7 + 1

        assertEquals(1, cache.get("a", 0).stateVersion(), "kept: it is this node's own change");
    }

    @Test
    void anOlderChangeAnnouncedAfterTwoOwnChangesKeepsTheRow() {
        SessionCache cache = new SessionCache(10);
        cache.offer(cache.ticket(), session("a"), 1);
        cache.advanced("a", cache.ticket(), 0, 1); // row version 8
        cache.touched("a", cache.ticket(), NOW.plusSeconds(60), NOW.plusSeconds(660)); // row version 9

        cache.announced("a", OptionalLong.of(8)); // the log is read after both: the first is already in the row
        cache.announced("a", OptionalLong.of(9));

        assertEquals(NOW.plusSeconds(60), cache.get("a", 0).lastAccess(), "kept: both are this node's own changes");
    }

    @Test
    void anotherNodesChangeDropsTheRowEvenAfterAnOwnChange() {
        SessionCache cache = new SessionCache(10);
        cache.offer(cache.ticket(), session("a"), 1);
        cache.advanced("a", cache.ticket(), 0, 1);

        cache.announced("a", OptionalLong.of(9)); // another update came between: the row version says so

        assertNull(cache.get("a", 0));
    }

    @Test
    void anOwnChangeFromAnotherStateVersionDropsTheRow() {
        SessionCache cache = new SessionCache(10);
        cache.offer(cache.ticket(), session("a"), 1);

        cache.advanced("a", cache.ticket(), 5, 6); // the cached row is not the one that change started from

        assertNull(cache.get("a", 0));
    }

    @Test
    void anEndAnnouncedWithoutRowVersionDropsTheRow() {
        SessionCache cache = new SessionCache(10);
        cache.offer(cache.ticket(), session("a"), 1);

        cache.announced("a", OptionalLong.empty());

        assertNull(cache.get("a", 0));
    }

    @Test
    void aReadThatRacedAnOwnChangeIsNotKept() {
        SessionCache cache = new SessionCache(10);
        cache.offer(cache.ticket(), session("a"), 1);
        long ticket = cache.ticket();
        cache.touched("a", cache.ticket(), NOW.plusSeconds(60), NOW.plusSeconds(660));

        assertFalse(cache.offer(ticket, session("a"), 2), "the row read before the touch is older than the cache's");
        assertEquals(NOW.plusSeconds(60), cache.get("a", 0).lastAccess());
    }

    @Test
    void anOwnChangeIsNotAppliedToARowReadAfterItWasWritten() {
        SessionCache cache = new SessionCache(10);
        cache.offer(cache.ticket(), session("a"), 1);
        long ticket = cache.ticket(); // this node starts a touch
        cache.announced("a", OptionalLong.of(8)); // the touch's own change is read in the log first: dropped
        cache.offer(cache.ticket(), new SessionCache.Row(session("a").session(), 8), 2); // a request reads it again

        cache.touched("a", ticket, NOW.plusSeconds(60), NOW.plusSeconds(660));

        assertNull(cache.get("a", 0), "the row read in between is already past the touch: 9 would be a guess");
    }
}
