package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessions;
import dev.usersession.spi.BeanStateChange;
import dev.usersession.spi.UserSessionStore;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * A bean row's time of change is stored the same way whichever path wrote it: the entity mapping (a new bean) or the
 * single statement (a change of one stored bean, on PostgreSQL and MariaDB through a connection of the persistence
 * unit, bound by the library). MariaDB's {@code DATETIME} has no time zone, so the test runs in a JVM time zone that is
 * not UTC, where a difference in binding would show as hours.
 */
class BeanWriteTimeTest {

    @Test
    void theSingleStatementStoresTheTimeAsTheMappingDoes() {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessionStore store = container.select(UserSessionStore.class).get();
            String session = container
                    .select(UserSessions.class)
                    .get()
                    .open("write-time-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();
            store.saveBeanStates(
                    session,
                    0,
                    List.of(
                            new BeanStateChange("cart", "{\"lines\":1}", BeanStateChange.NEW),
                            new BeanStateChange("counter", "{\"count\":1}", BeanStateChange.NEW)));

            assertEquals(
                    OptionalLong.of(2),
                    store.saveBeanStates(session, 1, List.of(new BeanStateChange("cart", "{\"lines\":2}", 1))));

            Duration between = Duration.between(updated(session, "counter"), updated(session, "cart"));
            assertTrue(
                    !between.isNegative() && between.compareTo(Duration.ofMinutes(1)) < 0,
                    "the mapping's and the statement's times of change differ by " + between);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    /** @return the stored time as the driver reads it, the same conversion for both rows */
    private static LocalDateTime updated(String session, String beanId) {
        Object value = TestDatabase.queryValue(
                "select updated from user_session_bean " + "where session_id = ? and bean_id = ?", session, beanId);
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof LocalDateTime local) {
            return local;
        }
        throw new AssertionError("updated read as " + value.getClass());
    }
}
