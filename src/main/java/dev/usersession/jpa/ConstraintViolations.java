package dev.usersession.jpa;

import jakarta.persistence.EntityExistsException;
import java.sql.SQLException;

/** Tells a broken unique or primary-key constraint apart from other database failures, whatever the JPA provider. */
final class ConstraintViolations {

    /** SQLSTATE class 23: integrity constraint violation (SQL standard). */
    private static final String INTEGRITY_CONSTRAINT_CLASS = "23";

    private ConstraintViolations() {
    }

    /** @return whether the failure, or one of its causes, is an integrity constraint violation */
    static boolean isConstraintViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EntityExistsException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
