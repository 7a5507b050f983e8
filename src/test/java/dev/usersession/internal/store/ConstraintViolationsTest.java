package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionStoreException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/**
 * Which failures of a write mean that another writer won (answered 409) rather than that the store failed (503),
 * including the ones a transaction manager reports only at commit.
 */
class ConstraintViolationsTest {

    @Test
    void aDeadlockOrSerializationFailureAmongTheCausesIsALostRace() {
        assertTrue(ConstraintViolations.isLostRace(new UserSessionStoreException(
                "failed",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213))));
        assertTrue(ConstraintViolations.isLostRace(
                new UserSessionStoreException("failed", new SQLException("duplicate key", "23505"))));
    }

    @Test
    void aCommitRolledBackForACertificationFailureIsALostRace() {
        // Narayana's RollbackException of a one-phase commit keeps the resource's failure as a suppressed exception.
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new IllegalStateException(
                "XAException.XA_RBROLLBACK",
                new SQLTransactionRollbackException(
                        "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213)));

        assertTrue(ConstraintViolations.isLostRace(new UserSessionStoreException("commit failed", commit)));
    }

    @Test
    void aCommitThatFailedForAnyOtherReasonIsNot() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("Connection reset", "08S01"));

        assertFalse(ConstraintViolations.isLostRace(new UserSessionStoreException("commit failed", commit)));
        assertFalse(ConstraintViolations.isLostRace(
                new UserSessionStoreException("commit failed", new RollbackException("no cause"))));
    }

    @Test
    void theOutageLogQuotesTheDatabaseEvenBehindASuppressedException() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047));

        assertEquals(
                "WSREP has not yet prepared node for application use (SQL state 08S01, error 1047)",
                StoreOutageLog.describe(new UserSessionStoreException("failed", commit)));
        assertEquals(
                "java.lang.IllegalStateException: no database here",
                StoreOutageLog.describe(
                        new UserSessionStoreException("failed", new IllegalStateException("no database here"))));
    }
}
