package dev.usersession.internal.context;

import java.util.concurrent.TimeUnit;

/**
 * How long the clean-up of expired sessions pauses after each full batch: at least what
 * {@code usersession.cleanup.duty-cycle} leaves to live requests, and longer while this node's live store reads are
 * slower than they were before the clean-up began. Each batch after which they are slower by more than a quarter
 * doubles the pause (up to {@value #MAX_FACTOR} times the batch's own duration); each batch after which they are not
 * halves it again, down to the duty cycle's. So a large backlog gives way to live traffic when it hurts it, and runs
 * at the duty cycle when it does not. A duty cycle of 1 (a maintenance run) never pauses.
 */
final class CleanupPacing {

    /** Live reads this much slower than before the clean-up count as slowed down by it. */
    static final double SLOWER = 1.25;

    static final double MAX_FACTOR = 64;

    private final double minimumFactor;
    private final long liveReadsBefore;
    private double factor;

    /**
     * @param dutyCycle the share of time the clean-up may work, above 0 and at most 1
     * @param liveReadNanosBefore the typical latency of the node's live store reads before the clean-up began, or 0
     *     when it is not known (then only the duty cycle paces)
     */
    CleanupPacing(double dutyCycle, long liveReadNanosBefore) {
        this.minimumFactor = (1 - dutyCycle) / dutyCycle;
        this.liveReadsBefore = dutyCycle < 1 ? liveReadNanosBefore : 0;
        this.factor = minimumFactor;
    }

    /**
     * @param batchNanos how long the batch just done took
     * @param liveReadNanosNow the typical latency of the node's live store reads now
     * @return how long to pause before the next batch, in milliseconds
     */
    long pauseMillis(long batchNanos, long liveReadNanosNow) {
        if (liveReadsBefore > 0 && liveReadNanosNow > SLOWER * liveReadsBefore) {
            factor = Math.min(MAX_FACTOR, Math.max(1, factor * 2));
        } else {
            factor = Math.max(minimumFactor, factor / 2);
        }
        return TimeUnit.NANOSECONDS.toMillis((long) (batchNanos * factor));
    }
}
