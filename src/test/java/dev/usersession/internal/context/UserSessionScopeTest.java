package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionNotFoundException;
import dev.usersession.UserSessions;
import dev.usersession.testing.Cart;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.Preferences;
import dev.usersession.testing.PriceList;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.se.SeContainer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserSessionScopeTest {

    private SeContainer container;
    private UserSessions sessions;

    @BeforeEach
    void boot() {
        container = Containers.boot(Counter.class, Cart.class, PriceList.class, Preferences.class);
        sessions = container.select(UserSessions.class).get();
    }

    @AfterEach
    void shutDown() {
        if (container.isRunning()) {
            container.close();
        }
    }

    /** Opens a session of a user unique to this run (the database may hold earlier runs' sessions). */
    private String newSession(String user) {
        return sessions.open(user + "-" + RUN, Set.of("customer"), "test")
                .session()
                .id();
    }

    private static final long RUN = System.nanoTime();

    @Test
    void twoSessionsGetDifferentInstancesThroughOneProxy() {
        Counter counter = container.select(Counter.class).get();
        String alice = newSession("alice");
        String bob = newSession("bob");

        sessions.runIn(alice, () -> {
            counter.increment();
            counter.increment();
        });
        sessions.runIn(bob, counter::increment);

        assertEquals(2, sessions.callIn(alice, counter::count));
        assertEquals(1, sessions.callIn(bob, counter::count));
    }

    @Test
    void beanUsedWithoutSessionThrowsClearContextNotActiveException() {
        Counter counter = container.select(Counter.class).get();
        sessions.runIn(newSession("carol"), counter::increment);

        ContextNotActiveException thrown = assertThrows(ContextNotActiveException.class, counter::count);
        assertTrue(thrown.getMessage().contains("No user session is bound"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("UserSessions.runIn"), thrown.getMessage());
    }

    @Test
    void stateSurvivesRestartOfTheContainer() {
        String session = newSession("dave");
        Cart cart = container.select(Cart.class).get();
        sessions.runIn(session, () -> {
            cart.add("book", 2);
            cart.add("pen", 1);
        });
        container.close();

        container = Containers.boot(Counter.class, Cart.class, PriceList.class, Preferences.class);
        UserSessions restarted = container.select(UserSessions.class).get();
        Cart cartAfterRestart = container.select(Cart.class).get();
        List<Cart.Line> lines = restarted.callIn(session, cartAfterRestart::lines);

        assertEquals(List.of(new Cart.Line("book", 2), new Cart.Line("pen", 1)), lines);
    }

    @Test
    void restoredBeanIsInjectedConstructedAndDestroyedLikeAnyBean() {
        String session = newSession("erin");
        Cart cart = container.select(Cart.class).get();
        sessions.runIn(session, () -> cart.add("book", 3));
        int destroyedBefore = Cart.DESTROYED.get();

        sessions.runIn(session, () -> {
            assertTrue(cart.wasConstructed());
            assertEquals(new BigDecimal(12), cart.total());
        });

        assertEquals(destroyedBefore + 1, Cart.DESTROYED.get());
    }

    @Test
    void eachUnitOfWorkGetsItsOwnInstance() {
        String session = newSession("fay");
        Counter counter = container.select(Counter.class).get();
        Object first = sessions.callIn(session, () -> counterInstance(counter));
        Object second = sessions.callIn(session, () -> counterInstance(counter));
        assertNotSame(first, second);
    }

    private Object counterInstance(Counter proxy) {
        proxy.count();
        var bean = container.getBeanManager().resolve(container.getBeanManager().getBeans(Counter.class));
        return container
                .getBeanManager()
                .getContext(dev.usersession.UserSession.class)
                .get(bean);
    }

    @Test
    void workThatThrowsStoresNothing() {
        String session = newSession("gus");
        Counter counter = container.select(Counter.class).get();
        assertThrows(
                IllegalStateException.class,
                () -> sessions.runIn(session, () -> {
                    counter.increment();
                    throw new IllegalStateException("business failure");
                }));
        assertEquals(0, sessions.callIn(session, counter::count));
    }

    @Test
    void nestedUnitOfWorkBringsBackTheOuterSession() {
        String outer = newSession("hal");
        String inner = newSession("ida");
        Counter counter = container.select(Counter.class).get();
        sessions.runIn(outer, () -> {
            counter.increment();
            sessions.runIn(inner, () -> {
                counter.increment();
                counter.increment();
            });
            counter.increment();
            assertEquals("hal-" + RUN, sessions.current().orElseThrow().userName());
        });
        assertEquals(2, sessions.callIn(outer, counter::count));
        assertEquals(2, sessions.callIn(inner, counter::count));
        assertFalse(sessions.current().isPresent());
    }

    @Test
    void endedSessionCannotBeRunIn() {
        String session = newSession("jan");
        Counter counter = container.select(Counter.class).get();
        sessions.runIn(session, counter::increment);
        assertTrue(sessions.end(session, dev.usersession.EndReason.LOGOUT));

        assertThrows(UserSessionNotFoundException.class, () -> sessions.runIn(session, counter::increment));
        assertEquals(
                0L,
                ((Number) dev.usersession.testing.TestDatabase.queryValue(
                                "select count(*) from user_session_bean where session_id = ?", session))
                        .longValue());
    }

    @Test
    void aNewSessionOfTheSameUserStartsWithTheStateOfTheLatestOne() {
        String laptop = newSession("max");
        Cart cart = container.select(Cart.class).get();
        sessions.runIn(laptop, () -> cart.add("book", 1));

        String phone = newSession("max");
        sessions.runIn(phone, () -> cart.add("pen", 2));

        assertEquals(List.of(new Cart.Line("book", 1), new Cart.Line("pen", 2)), sessions.callIn(phone, cart::lines));
        assertEquals(
                List.of(new Cart.Line("book", 1)),
                sessions.callIn(laptop, cart::lines),
                "after the copy the sessions go their own ways");
    }

    @Test
    void sessionsOfAUserAreListed() {
        String first = newSession("kim");
        String second = newSession("kim");
        newSession("lee");
        assertEquals(
                List.of(first, second),
                sessions.listFor("kim-" + RUN).stream()
                        .map(dev.usersession.UserSessionInfo::id)
                        .toList());
        assertEquals(2, sessions.endAllFor("kim-" + RUN, dev.usersession.EndReason.REVOKED));
        assertTrue(sessions.listFor("kim-" + RUN).isEmpty());
    }
}
