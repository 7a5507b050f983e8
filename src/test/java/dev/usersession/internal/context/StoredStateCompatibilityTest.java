package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessions;
import dev.usersession.testing.Cart;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.LogCapture;
import dev.usersession.testing.Preferences;
import dev.usersession.testing.PriceList;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows written by another version of a bean class, or damaged rows: what loads, and what starts fresh. */
class StoredStateCompatibilityTest {

    private SeContainer container;
    private UserSessions sessions;
    private String session;

    @BeforeEach
    void boot() {
        container = Containers.boot(Counter.class, Cart.class, PriceList.class, Preferences.class);
        sessions = container.select(UserSessions.class).get();
        session = sessions.open("olga-" + System.nanoTime(), Set.of(), "test")
                .session()
                .id();
    }

    @AfterEach
    void shutDown() {
        container.close();
    }

    private void plant(Class<?> bean, String json) {
        TestDatabase.update(
                "insert into user_session_bean (session_id, bean_id, state, version, updated) "
                        + "values (?, ?, ?, 1, ?)",
                session,
                bean.getName(),
                json,
                Timestamp.from(Instant.now()));
    }

    @Test
    void rowOfAnOlderClassWithFewerFieldsLoadsAndNewFieldsKeepTheirDefaults() {
        plant(Preferences.class, "{\"theme\":\"dark\"}");
        Preferences preferences = container.select(Preferences.class).get();
        sessions.runIn(session, () -> {
            assertEquals("dark", preferences.theme());
            assertEquals(20, preferences.pageSize());
        });
    }

    @Test
    void rowOfANewerClassWithMoreFieldsLoads() {
        plant(Counter.class, "{\"count\":41,\"lastIncrement\":\"2026-11-25T10:00:00Z\",\"label\":null}");
        Counter counter = container.select(Counter.class).get();
        sessions.runIn(session, counter::increment);
        assertEquals(42, sessions.callIn(session, counter::count));
    }

    @Test
    void valueThatNoLongerFitsItsFieldLogsBeanAndFieldAndBeanStartsFresh() {
        plant(Cart.class, "{\"lines\":[{\"sku\":\"book\",\"quantity\":\"many\"}]}");
        Cart cart = container.select(Cart.class).get();
        try (LogCapture log = LogCapture.of(UnitOfWork.class.getName())) {
            List<Cart.Line> lines = sessions.callIn(session, cart::lines);

            assertEquals(List.of(), lines);
            assertEquals(1, log.messages().size(), log.messages()::toString);
            String message = log.messages().get(0);
            assertTrue(message.contains("dev.usersession.testing.Cart"), message);
            assertTrue(message.contains("field 'lines'"), message);
        }
        sessions.runIn(session, () -> cart.add("pen", 1));
        assertEquals(
                List.of(new Cart.Line("pen", 1)),
                sessions.callIn(session, cart::lines),
                "the fresh state replaces the broken row");
    }

    @Test
    void brokenJsonLogsTheBeanAndBeanStartsFresh() {
        plant(Counter.class, "{\"count\": 3");
        Counter counter = container.select(Counter.class).get();
        try (LogCapture log = LogCapture.of(UnitOfWork.class.getName())) {
            assertEquals(0, sessions.callIn(session, counter::count));
            assertTrue(log.messages().get(0).contains("dev.usersession.testing.Counter"), log.messages()::toString);
        }
    }

    @Test
    void brokenRowOfOneBeanLeavesTheOtherBeansOfTheSessionIntact() {
        plant(Counter.class, "not json at all");
        plant(Preferences.class, "{\"theme\":\"dark\",\"pageSize\":50}");
        Counter counter = container.select(Counter.class).get();
        Preferences preferences = container.select(Preferences.class).get();
        try (LogCapture log = LogCapture.of(UnitOfWork.class.getName())) {
            sessions.runIn(session, () -> {
                assertEquals(0, counter.count());
                assertEquals(50, preferences.pageSize());
            });
            assertEquals(1, log.messages().size());
        }
    }
}
