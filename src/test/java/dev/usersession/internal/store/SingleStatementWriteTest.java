package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionPersistence;
import dev.usersession.spi.BeanStateChange;
import dev.usersession.testing.Containers;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Which databases get the single statement, by the names {@link DatabaseProduct} gives: the driver's product name
 * (JPA 3.2) or Hibernate's dialect classes (WildFly 39). MySQL has the same multiple-table {@code UPDATE} but is not
 * tested here, so it keeps the general path. Where the statement runs: on a connection of the persistence unit in
 * auto-commit under Hibernate, in the write's transaction under EclipseLink.
 */
class SingleStatementWriteTest {

    @Test
    void postgreSqlAndMariaDbByProductOrDialectName() {
        assertEquals(1, statement("PostgreSQL", 1).rowsWhenAdvanced());
        assertEquals(1, statement("PostgreSQLDialect Dialect", 1).rowsWhenAdvanced());
        assertEquals(3, statement("PostgreSQL", 3).rowsWhenAdvanced(), "the bean rows");
        assertEquals(2, statement("MariaDB", 1).rowsWhenAdvanced());
        assertEquals(2, statement("MariaDBDialect MySQLDialect Dialect", 1).rowsWhenAdvanced());
        assertEquals(4, statement("MariaDB", 3).rowsWhenAdvanced(), "the session row and the bean rows");
        assertTrue(statement("MariaDB", 1).sql().contains("straight_join"), "the session row is locked first");
    }

    @Test
    void otherDatabasesKeepTheGeneralPath() {
        for (String name : new String[] {"MySQL", "MySQLDialect Dialect", "H2", "H2Dialect Dialect", "Oracle"}) {
            assertEquals(Optional.empty(), SingleStatementWrite.dialectFor(name), name);
        }
        assertFalse(SingleStatementWrite.Plan.NONE.writes(List.of(stored("cart"))));
    }

    @Test
    void onlyBeansStoredBeforeAndNotTooManyOfThemAreWrittenInOneStatement() {
        SingleStatementWrite.Plan plan = new SingleStatementWrite.Plan(SingleStatementWrite.Dialect.POSTGRESQL, null);

        assertTrue(plan.writes(List.of(stored("cart"), stored("counter"))));
        assertFalse(plan.writes(List.of(stored("cart"), new BeanStateChange("new", "{}", BeanStateChange.NEW))));
        assertFalse(plan.writes(List.of()));
        assertTrue(plan.writes(IntStream.range(0, SingleStatementWrite.MAX_BEANS)
                .mapToObj(bean -> stored("b" + bean))
                .toList()));
        assertFalse(plan.writes(IntStream.rangeClosed(0, SingleStatementWrite.MAX_BEANS)
                .mapToObj(bean -> stored("b" + bean))
                .toList()));
    }

    @Test
    void underHibernateTheStatementRunsOnAConnectionOfThePersistenceUnitAndCommitsOnItsOwn() {
        try (SeContainer container = Containers.boot()) {
            Instance<EntityManager> entityManagers =
                    container.select(EntityManager.class, UserSessionPersistence.Literal.INSTANCE);
            EntityManager entityManager = entityManagers.get();
            try {
                SingleStatementWrite.Plan plan = new SingleStatementWrite().ask(entityManager);

                boolean single = !"h2".equals(TestDatabase.KIND);
                assertEquals(single, plan.writes(List.of(stored("cart"))), TestDatabase.KIND);
                assertEquals(
                        single && "hibernate".equals(TestDatabase.JPA_PROVIDER),
                        plan.autoCommit().isPresent(),
                        "EclipseLink keeps the statement in the write's transaction");
            } finally {
                entityManagers.destroy(entityManager);
            }
        }
    }

    private static SingleStatementWrite.Statement statement(String name, int beans) {
        return SingleStatementWrite.dialectFor(name)
                .orElseThrow(() -> new AssertionError(name))
                .forBeans(beans);
    }

    private static BeanStateChange stored(String beanId) {
        return new BeanStateChange(beanId, "{}", 1);
    }
}
