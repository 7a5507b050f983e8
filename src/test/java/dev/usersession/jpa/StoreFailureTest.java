package dev.usersession.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionStoreException;
import dev.usersession.UserSessions;
import dev.usersession.spi.Causes;
import dev.usersession.spi.UserSessionStore;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.persistence.PersistenceException;
import java.util.Set;
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
            String session = container.select(UserSessions.class).get()
                    .open("store-failure-" + System.nanoTime(), Set.of(), "test").session().id();

            UserSessionStoreException failure = withBeanTableGone(() -> assertThrows(UserSessionStoreException.class,
                    () -> store.findBeanStates(session)));

            assertTrue(Causes.find(failure, PersistenceException.class).isPresent(), failure::toString);
        }
    }

    @Test
    void aFailingWriteIsAStoreExceptionAndStoresNothing() {
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Counter counter = container.select(Counter.class).get();
            String session = sessions.open("store-failure-" + System.nanoTime(), Set.of(), "test").session().id();
            sessions.runIn(session, counter::increment);

            withBeanTableGone(() -> assertThrows(UserSessionStoreException.class,
                    () -> sessions.runIn(session, counter::increment)));

            assertEquals(1, sessions.callIn(session, counter::count));
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
