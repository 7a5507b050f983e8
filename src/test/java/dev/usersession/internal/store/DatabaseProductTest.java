package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionPersistence;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store finds out which database it writes to, without a statement, on both providers. */
class DatabaseProductTest {

    @Test
    void theDatabaseIsRecognised() {
        try (SeContainer container = Containers.boot(Counter.class)) {
            EntityManager entityManager = container
                    .select(EntityManager.class, UserSessionPersistence.Literal.INSTANCE)
                    .get();

            assertTrue(
                    DatabaseProduct.name(entityManager)
                            .orElseThrow()
                            .toLowerCase()
                            .contains(TestDatabase.KIND),
                    () -> DatabaseProduct.name(entityManager).toString());
        }
    }

    @Test
    void hibernatesDialectSaysItWhereTheServerHasNoJpa32ConnectionAccess() {
        try (SeContainer container = Containers.boot(Counter.class)) {
            EntityManager entityManager = container
                    .select(EntityManager.class, UserSessionPersistence.Literal.INSTANCE)
                    .get();
            Optional<String> dialect = DatabaseProduct.hibernateDialect(entityManager);

            if ("hibernate".equals(TestDatabase.JPA_PROVIDER)) {
                String expected = switch (TestDatabase.KIND) {
                    case "postgresql" -> "PostgreSQLDialect";
                    case "mariadb" -> "MariaDBDialect";
                    default -> "H2Dialect";
                };
                assertTrue(dialect.orElseThrow().contains(expected), dialect::toString);
            } else {
                assertEquals(Optional.empty(), dialect, "EclipseLink is not Hibernate");
            }
        }
    }
}
