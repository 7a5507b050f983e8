package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessions;
import dev.usersession.testing.Cart;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.CountingDriver;
import dev.usersession.testing.Preferences;
import dev.usersession.testing.PriceList;
import dev.usersession.testing.TestDatabase;
import dev.usersession.testing.Wishlist;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins the SQL budget of design.md by counting the JDBC statements executed per unit of work, under Hibernate or
 * EclipseLink ({@link CountingDriver}).
 */
class StatementBudgetTest {

    private SeContainer container;
    private UserSessions sessions;
    private Counter counter;
    private Cart cart;
    private Preferences preferences;
    private Wishlist wishlist;
    private String session;

    @BeforeEach
    void boot() {
        container = Containers.boot(Counter.class, Cart.class, PriceList.class, Preferences.class, Wishlist.class);
        sessions = container.select(UserSessions.class).get();
        counter = container.select(Counter.class).get();
        cart = container.select(Cart.class).get();
        preferences = container.select(Preferences.class).get();
        wishlist = container.select(Wishlist.class).get();
        session = sessions.open("budget-" + System.nanoTime(), Set.of(), "test")
                .session()
                .id();
        sessions.runIn(session, () -> {
            counter.increment();
            cart.add("book", 1);
        });
        // The store's first write of one stored bean finds out once whether the database takes it in one statement.
        sessions.runIn(session, counter::increment);
    }

    @AfterEach
    void shutDown() {
        container.close();
    }

    /**
     * Statements of a unit of work that changes one stored bean: the session read, then on PostgreSQL and MariaDB one
     * statement that advances the state version and updates the row, on H2 the bump and the update (the first such
     * write of a deployment also runs one probe of the tables, outside its transaction:
     * {@code SingleStatementWrite#ask}).
     */
    private static final int CHANGE_ONE_STORED_BEAN = "h2".equals(TestDatabase.KIND) ? 3 : 2;

    private long statementsOf(Runnable work) {
        return executedBy(work).size();
    }

    private List<String> executedBy(Runnable work) {
        CountingDriver.clear();
        sessions.runIn(session, work);
        return CountingDriver.executed();
    }

    @Test
    void unitOfWorkThatTouchesNoBeanReadsOnlyTheSessionRow() {
        assertEquals(1, statementsOf(() -> {}));
    }

    @Test
    void readingBeansOnANodeThatHoldsTheCurrentStateReadsOnlyTheSessionRow() {
        assertEquals(1, statementsOf(() -> {
            counter.count();
            cart.lines();
            preferences.theme();
        }));
    }

    @Test
    void readingBeansOnAColdNodeReadsTheSessionAndAllItsBeanRowsInOneQuery() {
        container.select(NodeStateCache.class).get().remove(session);
        List<String> executed = executedBy(() -> {
            counter.count();
            cart.lines();
            preferences.theme();
        });
        assertEquals(2, executed.size(), executed::toString);
        assertTrue(
                executed.stream()
                        .allMatch(sql -> sql.stripLeading().toLowerCase().startsWith("select")),
                executed::toString);
    }

    @Test
    void usingBeansWithoutChangingThemWritesNothing() {
        long statements = statementsOf(() -> {
            counter.countForUpdate();
            cart.add("pen", 1);
            cart.lines();
        });
        assertEquals(CHANGE_ONE_STORED_BEAN, statements, "session read, state-version bump and one cart update");
        assertEquals(1, statementsOf(counter::countForUpdate), "a used but unchanged bean is not written");
    }

    @Test
    void changingOneOfThreeUsedBeansWritesExactlyOneRow() {
        long counterVersion = version("dev.usersession.testing.Counter");
        long cartVersion = version("dev.usersession.testing.Cart");

        long statements = statementsOf(() -> {
            counter.increment();
            cart.lines();
            cart.total();
            preferences.theme();
        });

        assertEquals(CHANGE_ONE_STORED_BEAN, statements, "session read, state-version bump and one bean update");
        assertEquals(counterVersion + 1, version("dev.usersession.testing.Counter"));
        assertEquals(cartVersion, version("dev.usersession.testing.Cart"));
        assertEquals(
                0L,
                count(
                        "select count(*) from user_session_bean where session_id = ? and bean_id = ?",
                        session,
                        "dev.usersession.testing.Preferences"),
                "an unchanged new bean is not inserted");
    }

    @Test
    void changingTwoStoredBeansIsOneWriteWhereTheDatabaseTakesIt() {
        long counterVersion = version("dev.usersession.testing.Counter");
        long cartVersion = version("dev.usersession.testing.Cart");

        long statements = statementsOf(() -> {
            counter.increment();
            cart.add("pen", 2);
        });

        assertEquals(
                "h2".equals(TestDatabase.KIND) ? 4 : 2,
                statements,
                "session read, then one statement for the bump and both rows (H2: the bump and one update per row)");
        assertEquals(counterVersion + 1, version("dev.usersession.testing.Counter"));
        assertEquals(cartVersion + 1, version("dev.usersession.testing.Cart"));
    }

    @Test
    void aBeanWithoutReadOnlyMethodsIsUsedByAnyCallAndWrittenOnlyWhenChanged() {
        assertEquals(3, statementsOf(() -> wishlist.add("teapot")), "session read, state-version bump, one insert");
        assertEquals(1, statementsOf(wishlist::items), "a call that changes nothing writes nothing");
        assertEquals(
                CHANGE_ONE_STORED_BEAN,
                statementsOf(() -> {
                    wishlist.items();
                    wishlist.add("mug");
                }),
                "session read, state-version bump and one update");
        assertEquals(2, version("dev.usersession.testing.Wishlist"));

        container.select(NodeStateCache.class).get().remove(session);
        sessions.runIn(session, () -> assertEquals(List.of("teapot", "mug"), wishlist.items()));
    }

    private long version(String beanId) {
        return count("select version from user_session_bean where session_id = ? and bean_id = ?", session, beanId);
    }

    private static long count(String sql, Object... parameters) {
        return ((Number) TestDatabase.queryValue(sql, parameters)).longValue();
    }
}
