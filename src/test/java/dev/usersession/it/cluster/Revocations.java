package dev.usersession.it.cluster;

import dev.usersession.it.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Measures how long a session ended on one node is still accepted on the other: each round opens a session, uses it
 * on both nodes (so that the second caches it), logs out on the first, and asks the second until it refuses. The lag
 * of a round runs from the logout's response to the first refusal on the second node; a request the second node
 * accepted after the logout's response is a late acceptance, and its age is recorded too.
 */
final class Revocations {

    private final ClusterNode ending;
    private final ClusterNode other;

    Revocations(ClusterNode ending, ClusterNode other) {
        this.ending = ending;
        this.other = other;
    }

    /**
     * The figures of a run.
     *
     * @param lagsNanos the lag of every round, sorted
     * @param latestAcceptanceNanos the oldest age of a revocation at which the other node still accepted the session
     *     (when its answer arrived)
     * @param cachedOnTheOtherNode whether the other node held the first round's session in its cache
     */
    record Report(List<Long> lagsNanos, long latestAcceptanceNanos, boolean cachedOnTheOtherNode) {

        Duration percentile(double fraction) {
            int index = (int) Math.ceil(fraction * lagsNanos.size()) - 1;
            return Duration.ofNanos(lagsNanos.get(Math.max(0, index)));
        }

        Duration max() {
            return Duration.ofNanos(lagsNanos.get(lagsNanos.size() - 1));
        }

        Duration latestAcceptance() {
            return Duration.ofNanos(latestAcceptanceNanos);
        }

        @Override
        public String toString() {
            return String.format(
                    "%d revocations: p50 %.1f ms, p99 %.1f ms, max %.1f ms; latest acceptance after a revocation "
                            + "%.1f ms; cached on the other node: %s",
                    lagsNanos.size(),
                    millis(percentile(0.5)),
                    millis(percentile(0.99)),
                    millis(max()),
                    millis(latestAcceptance()),
                    cachedOnTheOtherNode);
        }

        private static double millis(Duration duration) {
            return duration.toNanos() / 1e6;
        }
    }

    Report run(int rounds) throws Exception {
        return run(rounds, () -> true);
    }

    /** @return the figures of at least {@code rounds} rounds, and as many more as it takes until {@code enough} */
    Report run(int rounds, BooleanSupplier enough) throws Exception {
        return run(rounds, enough, false);
    }

    /**
     * @return the figures of the rounds run until {@code stop}, through an outage of the database: a round whose
     *     session cannot be opened, used or ended (503) is left out, and the other node's 503s while it waits for the
     *     refusal are neither an acceptance nor a refusal
     */
    Report runThroughOutages(BooleanSupplier stop) throws Exception {
        return run(0, stop, true);
    }

    private Report run(int rounds, BooleanSupplier enough, boolean throughOutages) throws Exception {
        List<Long> lags = new ArrayList<>(rounds);
        long latestAcceptance = 0;
        boolean cachedOnTheOtherNode = false;
        for (int round = 0; round < rounds || !enough.getAsBoolean(); round++) {
            Browser first = new Browser(ending.url());
            HttpResponse<String> opened = first.postForm("test/sessions/open", "name", "revoked-" + round);
            if (opened.statusCode() != 200) {
                if (throughOutages) {
                    continue;
                }
                throw new IllegalStateException("no session opened: " + opened.statusCode() + " " + opened.body());
            }
            first.setCookie(opened.body());
            Browser second = new Browser(other.url());
            second.setCookie(opened.body());
            boolean used = true;
            for (Browser browser : List.of(second, first, second)) {
                int status = browser.get("protected").statusCode();
                if (status != 200) {
                    if (!throughOutages) {
                        throw new IllegalStateException("the new session was refused: " + status);
                    }
                    used = false;
                }
            }
            if (round == 0) {
                cachedOnTheOtherNode =
                        Integer.parseInt(second.get("test/cache/entries").body()) > 0;
            }
            int ended = first.postJson("usersession/logout", "{}").statusCode();
            if (!used || ended != 204) {
                if (throughOutages) {
                    continue;
                }
                throw new IllegalStateException("logout answered " + ended);
            }
            long revoked = System.nanoTime();
            while (true) {
                long asked = System.nanoTime();
                int status = second.get("protected").statusCode();
                if (status == 401) {
                    lags.add(System.nanoTime() - revoked);
                    break;
                }
                if (status == 200) {
                    latestAcceptance = Math.max(latestAcceptance, System.nanoTime() - revoked);
                } else if (!throughOutages || status != 503) {
                    throw new IllegalStateException("the other node answered " + status);
                }
                if (asked - revoked > Duration.ofSeconds(30).toNanos()) {
                    throw new AssertionError("the other node still accepted the session 30 s after its logout");
                }
            }
        }
        Collections.sort(lags);
        return new Report(List.copyOf(lags), latestAcceptance, cachedOnTheOtherNode);
    }
}
