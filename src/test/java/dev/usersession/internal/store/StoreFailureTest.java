package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionStoreException;
import dev.usersession.UserSessions;
import dev.usersession.internal.errors.Causes;
import dev.usersession.spi.UserSessionStore;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.LogCapture;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.persistence.PersistenceException;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * A failure of the library's own store leaves the store as a {@link UserSessionStoreException} (whatever the JPA
 * provider throws), so that the library answers it, and only it, as "briefly unavailable".
 */
class StoreFailureTest {

    @Test
    void aFailingReadIsAStoreException() {
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessionStore store = container.select(UserSessionStore.class).get();
            String session = container
                    .select(UserSessions.class)
                    .get()
                    .open("store-failure-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();

            UserSessionStoreException failure = withBeanTableGone(
                    () -> assertThrows(UserSessionStoreException.class, () -> store.findBeanStates(session)));

            assertTrue(Causes.find(failure, PersistenceException.class).isPresent(), failure::toString);
        }
    }

    @Test
    void aFailingWriteIsAStoreExceptionAndStoresNothing() {
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Counter counter = container.select(Counter.class).get();
            String session = sessions.open("store-failure-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();
            sessions.runIn(session, counter::increment);

            withBeanTableGone(() ->
                    assertThrows(UserSessionStoreException.class, () -> sessions.runIn(session, counter::increment)));

            assertEquals(1, sessions.callIn(session, counter::count));
        }
    }

    @Test
    void anOutageIsLoggedOnceWhenItBeginsAndOnceWhenItEndsNotOncePerFailure() {
        try (SeContainer container = Containers.boot(Counter.class);
                LogCapture log = LogCapture.of(StoreOutageLog.class.getName(), Level.INFO)) {
            UserSessionStore store = container.select(UserSessionStore.class).get();
            String session = container
                    .select(UserSessions.class)
                    .get()
                    .open("store-outage-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();

            withBeanTableGone(() -> {
                for (int i = 0; i < 5; i++) {
                    assertThrows(UserSessionStoreException.class, () -> store.findBeanStates(session));
                }
                return null;
            });
            assertEquals(1, log.records().size(), log.messages()::toString);
            LogRecord began = log.records().get(0);
            assertEquals(Level.WARNING, began.getLevel());
            assertNull(began.getThrown(), "one line, no stack trace");
            assertTrue(
                    log.messages().get(0).startsWith("The session store is unavailable: "), log.messages()::toString);
            assertTrue(
                    log.messages().get(0).toUpperCase(Locale.ROOT).contains("USER_SESSION_BEAN"),
                    "the database's own words: " + log.messages());

            store.findBeanStates(session);
            store.findBeanStates(session);

            assertEquals(2, log.records().size(), log.messages()::toString);
            assertEquals(Level.INFO, log.records().get(1).getLevel());
            assertTrue(
                    log.messages()
                            .get(1)
                            .matches("The session store answers again after \\d+ ms; 5 store "
                                    + "operation\\(s\\) failed meanwhile\\."),
                    log.messages()::toString);
        }
    }

    private static <T> T withBeanTableGone(java.util.function.Supplier<T> test) {
        TestDatabase.update("ALTER TABLE user_session_bean RENAME TO user_session_bean_gone");
        try {
            return test.get();
        } finally {
            TestDatabase.update("ALTER TABLE user_session_bean_gone RENAME TO user_session_bean");
        }
    }
}
