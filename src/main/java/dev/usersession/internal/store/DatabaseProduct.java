package dev.usersession.internal.store;

import dev.usersession.internal.errors.Causes;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which database the application's persistence unit talks to, asked without running a statement: through JPA 3.2's
 * connection access ({@code callWithConnection}, the driver's metadata) where the server has it (Payara 7, Hibernate
 * 7), else through Hibernate's resolved dialect (WildFly 39 ships JPA 3.1 with Hibernate 6). Answers empty when
 * neither says: the caller then keeps to what every database runs.
 */
final class DatabaseProduct {

    private static final Logger LOG = Logger.getLogger(DatabaseProduct.class.getName());

    private DatabaseProduct() {}

    /** @return the database product's name from the driver, or the name of Hibernate's dialect class */
    static Optional<String> name(EntityManager entityManager) {
        try {
            return Optional.ofNullable(entityManager.callWithConnection(
                    (Connection connection) -> connection.getMetaData().getDatabaseProductName()));
        } catch (RuntimeException | LinkageError noConnectionAccess) {
            if (noConnectionAccess instanceof RuntimeException failed
                    && Causes.find(failed, SQLException.class).isPresent()) {
                throw failed; // the database did not answer: no answer either way
            }
            LOG.log(Level.FINE, "No JPA 3.2 connection access; asking Hibernate for its dialect", noConnectionAccess);
        }
        return hibernateDialect(entityManager);
    }

    /** @return the simple names of the dialect class and its superclasses, as in "PostgreSQLDialect" */
    static Optional<String> hibernateDialect(EntityManager entityManager) {
        try {
            ClassLoader provider = entityManager.getDelegate().getClass().getClassLoader();
            Class<?> sessionType =
                    Class.forName("org.hibernate.engine.spi.SharedSessionContractImplementor", false, provider);
            Object session = entityManager.unwrap(sessionType);
            Object jdbcServices = method(sessionType, "getJdbcServices").invoke(session);
            Object dialect = method(jdbcServices.getClass(), "getDialect").invoke(jdbcServices);
            StringBuilder names = new StringBuilder();
            for (Class<?> type = dialect.getClass(); type != Object.class; type = type.getSuperclass()) {
                names.append(type.getSimpleName()).append(' ');
            }
            return Optional.of(names.toString().trim());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notHibernate) {
            LOG.log(
                    Level.FINE,
                    "usersession could not find out which database this is; writes take two statements",
                    notHibernate);
            return Optional.empty();
        }
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            for (Class<?> contract : candidate.getInterfaces()) {
                try {
                    return contract.getMethod(name);
                } catch (NoSuchMethodException notHere) {
                    // look further
                }
            }
        }
        return type.getMethod(name);
    }
}
