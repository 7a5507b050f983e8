package dev.usersession.internal.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moments as the entities map them: {@link OffsetDateTime} in UTC, the date-time type that Hibernate and EclipseLink
 * both read from a {@code TIMESTAMP WITH TIME ZONE} column (EclipseLink 5 cannot read such a column into an
 * {@link Instant}). The library works with {@link Instant}; these two methods convert at the mapping's edge.
 */
public final class DatabaseTime {

    private DatabaseTime() {}

    /** @return the moment in UTC, or {@code null} for {@code null} */
    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** @return the moment, or {@code null} for {@code null} */
    public static Instant toInstant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
