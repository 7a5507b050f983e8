package dev.usersession.internal.store;

import dev.usersession.internal.errors.Causes;
import jakarta.persistence.EntityExistsException;
import java.sql.SQLException;

/**
 * Tells apart, whatever the JPA provider, the database failures that mean "another writer got there first" (a broken
 * unique or primary-key constraint, a deadlock or serialization failure the database resolved by aborting this
 * transaction) from the others. The database's error may come as a cause or, behind a commit that failed, as an
 * exception the transaction manager kept as suppressed (a Galera certification failure, reported at commit).
 */
public final class ConstraintViolations {

    /** SQLSTATE class 23: integrity constraint violation (SQL standard). */
    private static final String INTEGRITY_CONSTRAINT_CLASS = "23";
    /** SQLSTATE class 40: transaction rollback (serialization failure, deadlock). */
    private static final String TRANSACTION_ROLLBACK_CLASS = "40";

    private ConstraintViolations() {}

    /** @return whether the failure, or one of its causes, says that a concurrent writer won */
    public static boolean isLostRace(Throwable failure) {
        return Causes.find(failure, EntityExistsException.class).isPresent()
                || Causes.withSuppressed(failure).stream()
                        .anyMatch(cause -> cause instanceof SQLException sql
                                && sql.getSQLState() != null
                                && (sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_CLASS)
                                        || sql.getSQLState().startsWith(TRANSACTION_ROLLBACK_CLASS)));
    }
}
