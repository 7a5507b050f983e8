package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessionNotFoundException;
import dev.usersession.UserSessionStoreException;
import dev.usersession.UserSessions;
import dev.usersession.spi.BeanStateChange;
import dev.usersession.spi.UserSessionStore;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.Settings;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a write of bean states does when the session moved on, the bean moved on, or the session ended, on every
 * database: on PostgreSQL and MariaDB the common write is one statement ({@link SingleStatementWrite}, committed on
 * its own under Hibernate) and every other outcome falls back to the general path; these pin that both give the same
 * answers, that a statement that changed nothing left nothing behind (also with several beans), and that the
 * statement committed on its own is cancelled after {@code usersession.write-timeout}.
 */
class BeanStateWritesTest {

    private static final String CART = "cart";
    private static final String COUNTER = "counter";

    private Settings settings;
    private SeContainer container;
    private UserSessionStore store;
    private String session;

    @BeforeEach
    void boot() {
        settings = Settings.of("usersession.write-timeout", "PT1S");
        container = Containers.boot(Counter.class);
        store = container.select(UserSessionStore.class).get();
        session = container
                .select(UserSessions.class)
                .get()
                .open("writes-" + System.nanoTime(), Set.of(), "test")
                .session()
                .id();
        OptionalLong created = store.saveBeanStates(
                session,
                stateVersion(),
                List.of(
                        new BeanStateChange(CART, "{\"lines\":1}", BeanStateChange.NEW),
                        new BeanStateChange(COUNTER, "{\"count\":1}", BeanStateChange.NEW)));
        assertEquals(OptionalLong.of(1), created);
    }

    @AfterEach
    void shutDown() {
        container.close();
        settings.close();
    }

    @Test
    void aWriteOfSeveralBeansAtTheCurrentVersionsAdvancesAllOfThem() {
        OptionalLong advanced = store.saveBeanStates(
                session,
                1,
                List.of(
                        new BeanStateChange(COUNTER, "{\"count\":2}", 1),
                        new BeanStateChange(CART, "{\"lines\":2}", 1)));

        assertEquals(OptionalLong.of(2), advanced);
        assertEquals(2, stateVersion());
        assertEquals(2, version(CART));
        assertEquals(2, version(COUNTER));
        assertEquals("{\"lines\":2}", store.findBeanStates(session).get(CART).json());
        assertEquals("{\"count\":2}", store.findBeanStates(session).get(COUNTER).json());
    }

    @Test
    void aWriteOfSeveralBeansOneOfWhichMovedIsAConflictAndStoresNoneOfThem() {
        TestDatabase.update(
                "update user_session_bean set version = version + 1 where session_id = ? and bean_id = ?",
                session,
                COUNTER);

        assertThrows(
                UserSessionConflictException.class,
                () -> store.saveBeanStates(
                        session,
                        1,
                        List.of(
                                new BeanStateChange(CART, "{\"lines\":9}", 1),
                                new BeanStateChange(COUNTER, "{\"count\":9}", 1))));
        assertEquals(1, stateVersion(), "neither the session nor the other bean advanced");
        assertEquals(1, version(CART));
        assertEquals("{\"lines\":1}", store.findBeanStates(session).get(CART).json());
        assertEquals("{\"count\":1}", store.findBeanStates(session).get(COUNTER).json());
    }

    @Test
    void aWriteOutsideATransactionThatWaitsPastTheWriteTimeoutIsCancelledAndStoresNothing() throws Exception {
        assumeTrue(
                !"h2".equals(TestDatabase.KIND) && "hibernate".equals(TestDatabase.JPA_PROVIDER),
                "only the single statement committed on its own has the timeout; writes in a transaction have the "
                        + "transaction's");
        try (Connection holder = TestDatabase.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("select id from user_session where id = ? for update")) {
                lock.setString(1, session);
                lock.executeQuery().close();
            }
            try {
                long started = System.nanoTime();
                assertTimeoutPreemptively(
                        Duration.ofSeconds(5),
                        () -> assertThrows(
                                UserSessionStoreException.class,
                                () -> store.saveBeanStates(
                                        session, 1, List.of(new BeanStateChange(CART, "{\"lines\":2}", 1)))),
                        "cancelled after usersession.write-timeout (PT1S), not left waiting for the lock");
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(waited.compareTo(Duration.ofMillis(900)) > 0, "not cancelled before the timeout: " + waited);
            } finally {
                holder.rollback();
            }
        }
        assertEquals(1, stateVersion());
        assertEquals("{\"lines\":1}", store.findBeanStates(session).get(CART).json());
        assertEquals(
                OptionalLong.of(2),
                store.saveBeanStates(session, 1, List.of(new BeanStateChange(CART, "{\"lines\":2}", 1))),
                "the next write, with the lock gone, is stored");
    }

    @Test
    void aWriteAtTheCurrentVersionsAdvancesBoth() {
        OptionalLong advanced =
                store.saveBeanStates(session, 1, List.of(new BeanStateChange(CART, "{\"lines\":2}", 1)));

        assertEquals(OptionalLong.of(2), advanced);
        assertEquals(2, stateVersion());
        assertEquals(2, version(CART));
        assertEquals("{\"lines\":2}", store.findBeanStates(session).get(CART).json());
        assertEquals(1, version(COUNTER));
    }

    @Test
    void aWriteAfterAnotherBeanChangedIsStoredAndSaysTheStateVersionIsUnknown() {
        store.saveBeanStates(session, 1, List.of(new BeanStateChange(COUNTER, "{\"count\":2}", 1)));

        OptionalLong merged = store.saveBeanStates(session, 1, List.of(new BeanStateChange(CART, "{\"lines\":2}", 1)));

        assertEquals(OptionalLong.empty(), merged, "another writer advanced the state version in between");
        assertEquals(3, stateVersion());
        assertEquals("{\"lines\":2}", store.findBeanStates(session).get(CART).json());
        assertEquals("{\"count\":2}", store.findBeanStates(session).get(COUNTER).json());
    }

    @Test
    void aWriteOfABeanThatChangedMeanwhileIsAConflictAndStoresNothing() {
        store.saveBeanStates(session, 1, List.of(new BeanStateChange(CART, "{\"lines\":2}", 1)));

        assertThrows(
                UserSessionConflictException.class,
                () -> store.saveBeanStates(session, 2, List.of(new BeanStateChange(CART, "{\"lines\":9}", 1))));
        assertThrows(
                UserSessionConflictException.class,
                () -> store.saveBeanStates(session, 1, List.of(new BeanStateChange(CART, "{\"lines\":9}", 1))));

        assertEquals(2, stateVersion(), "the state version did not move");
        assertEquals(2, version(CART));
        assertEquals("{\"lines\":2}", store.findBeanStates(session).get(CART).json());
    }

    @Test
    void aWriteOfABeanWhoseRowIsGoneIsAConflict() {
        TestDatabase.update("delete from user_session_bean where session_id = ? and bean_id = ?", session, CART);

        assertThrows(
                UserSessionConflictException.class,
                () -> store.saveBeanStates(session, 1, List.of(new BeanStateChange(CART, "{\"lines\":2}", 1))));
        assertEquals(1, stateVersion());
    }

    @Test
    void aWriteOfABeanWhoseRowMovedOnWithoutTheSessionIsAConflictAndAdvancesNothing() {
        TestDatabase.update(
                "update user_session_bean set version = version + 1 where session_id = ? and bean_id = ?",
                session,
                CART);

        assertThrows(
                UserSessionConflictException.class,
                () -> store.saveBeanStates(session, 1, List.of(new BeanStateChange(CART, "{\"lines\":9}", 1))));
        assertEquals(1, stateVersion(), "the single statement never advances the session alone");
        assertEquals("{\"lines\":1}", store.findBeanStates(session).get(CART).json());
    }

    @Test
    void aWriteToAnEndedSessionStoresNothing() {
        store.delete(session, ended -> {});

        assertThrows(
                UserSessionNotFoundException.class,
                () -> store.saveBeanStates(session, 1, List.of(new BeanStateChange(CART, "{\"lines\":2}", 1))));
        assertEquals(
                0L,
                ((Number) TestDatabase.queryValue(
                                "select count(*) from user_session_bean where session_id = ?", session))
                        .longValue());
    }

    private long stateVersion() {
        return store.find(session).orElseThrow().stateVersion();
    }

    private long version(String beanId) {
        return store.findBeanStates(session).get(beanId).version();
    }
}
