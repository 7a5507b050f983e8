package dev.usersession;

import dev.usersession.auth.RequiresLogin;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How and when the user of a session last proved who they are: the time of the last proof of each {@link Factor}
 * (or {@code null} when the factor was not used in this session) and the highest {@link AssuranceLevel} reached.
 * A re-authentication updates them; {@link RequiresLogin#recent()} and {@link RequiresLogin#level()} check them.
 *
 * @param passwordAt when the password was last proved, or {@code null}
 * @param oneTimeCodeAt when a one-time or recovery code was last proved, or {@code null}
 * @param passkeyAt when a passkey was last proved, or {@code null}
 * @param level the highest level reached in this session
 */
public record SessionProofs(Instant passwordAt, Instant oneTimeCodeAt, Instant passkeyAt, AssuranceLevel level) {

    /** Proofs of a session that recorded none (created before the library recorded them): never recent, AAL1. */
    public static final SessionProofs NONE = new SessionProofs(null, null, null, AssuranceLevel.AAL1);

    /** A missing level is AAL1. */
    public SessionProofs {
        level = level == null ? AssuranceLevel.AAL1 : level;
    }

    /** @return the proofs of a login that proved one factor at {@code at}, reaching {@code level} */
    public static SessionProofs of(Factor factor, Instant at, AssuranceLevel level) {
        return NONE.with(factor, at, level);
    }

    /** @return these proofs with {@code factor} proved at {@code at}, the level raised to {@code reached} if higher */
    public SessionProofs with(Factor factor, Instant at, AssuranceLevel reached) {
        Objects.requireNonNull(at, "at");
        AssuranceLevel raised = reached != null && reached.satisfies(level) ? reached : level;
        return switch (factor) {
            case PASSWORD -> new SessionProofs(at, oneTimeCodeAt, passkeyAt, raised);
            case ONE_TIME_CODE -> new SessionProofs(passwordAt, at, passkeyAt, raised);
            case PASSKEY -> new SessionProofs(passwordAt, oneTimeCodeAt, at, raised);
        };
    }

    /** @return when any factor was last proved, or {@code null} when none was recorded */
    public Instant lastProof() {
        return Stream.of(passwordAt, oneTimeCodeAt, passkeyAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }

    /**
     * @return whether a second factor (a one-time or recovery code, or a passkey) was proved no longer than
     *     {@code maxAge} before {@code now}; a password never counts, however recent
     */
    public boolean secondFactorWithin(Duration maxAge, Instant now) {
        Instant since = now.minus(maxAge);
        return Stream.of(oneTimeCodeAt, passkeyAt).anyMatch(at -> at != null && !at.isBefore(since));
    }

    /**
     * @return the level that the proofs of the last {@code maxAge} reach at {@code now}: {@link AssuranceLevel#AAL2}
     *     only when the session reached it and a second factor was proved within the window (a fresh password on a
     *     session that reached AAL2 hours ago is AAL1 now), else {@link AssuranceLevel#AAL1}
     */
    public AssuranceLevel levelWithin(Duration maxAge, Instant now) {
        return level == AssuranceLevel.AAL2 && secondFactorWithin(maxAge, now)
                ? AssuranceLevel.AAL2
                : AssuranceLevel.AAL1;
    }

    /** @return whether a factor was proved no longer than {@code maxAge} before {@code now} */
    public boolean provedWithin(Duration maxAge, Instant now) {
        Instant last = lastProof();
        return last != null && !last.isBefore(now.minus(maxAge));
    }
}
