package dev.usersession.internal.store;

import java.time.Instant;

/**
 * A repository of the library whose rows expire. The clean-up ({@code ExpiredSessionCleanup}) finds every
 * implementation among the beans and asks each to delete its own expired rows, so each repository owns the one
 * statement that knows its table, and a table missing from the application's persistence unit fails only its own
 * clean-up.
 */
public interface ExpiredRows {

    /**
     * Deletes the rows that expired at {@code now}, in one transaction of the store.
     *
     * @return how many rows were deleted
     */
    int deleteExpired(Instant now);

    /** What the rows are, for the log: {@code "login challenges"}. */
    String description();
}
