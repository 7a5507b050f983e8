package dev.usersession.admin;

import java.time.Duration;

/**
 * What {@link UserSessionAdmin#find} looks for among live sessions, newest first. Immutable: each {@code with} method
 * returns a copy. Start from {@link #all()}.
 *
 * <pre>{@code
 * SessionPage page = admin.find(SessionQuery.all().withUserNamePrefix("al").withOlderThan(Duration.ofDays(7)));
 * SessionPage next = admin.find(query.after(page.next().orElseThrow()));
 * }</pre>
 *
 * @param userNamePrefix only users whose name starts with this; empty for all
 * @param clientContains only sessions whose client description (user agent and address) contains this, ignoring
 *     case; empty for all
 * @param olderThan only sessions created at least this long ago; {@code null} for all
 * @param after the {@link SessionPage#next()} cursor of the previous page; empty for the first page
 * @param limit at most this many sessions per page (1 to {@value #MAX_LIMIT})
 */
public record SessionQuery(String userNamePrefix, String clientContains, Duration olderThan, String after, int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;
    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a limit out of range, a negative age, or text over 255 characters
     */
    public SessionQuery {
        userNamePrefix = userNamePrefix == null ? "" : userNamePrefix;
        clientContains = clientContains == null ? "" : clientContains;
        after = after == null ? "" : after;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_LIMIT + " sessions, not " + limit);
        }
        if (olderThan != null && olderThan.isNegative()) {
            throw new IllegalArgumentException("An age is not negative: " + olderThan);
        }
        if (userNamePrefix.length() > 255 || clientContains.length() > 255 || after.length() > 255) {
            throw new IllegalArgumentException("A search text has at most 255 characters");
        }
    }

    /** @return the first page of every live session, {@value #DEFAULT_LIMIT} at a time */
    public static SessionQuery all() {
        return new SessionQuery("", "", null, "", DEFAULT_LIMIT);
    }

    /** @return this query, for users whose name starts with the prefix */
    public SessionQuery withUserNamePrefix(String prefix) {
        return new SessionQuery(prefix, clientContains, olderThan, after, limit);
    }

    /** @return this query, for sessions whose client description contains the text */
    public SessionQuery withClientContaining(String text) {
        return new SessionQuery(userNamePrefix, text, olderThan, after, limit);
    }

    /** @return this query, for sessions created at least this long ago */
    public SessionQuery withOlderThan(Duration age) {
        return new SessionQuery(userNamePrefix, clientContains, age, after, limit);
    }

    /** @return this query with pages of this many sessions */
    public SessionQuery withLimit(int pageSize) {
        return new SessionQuery(userNamePrefix, clientContains, olderThan, after, pageSize);
    }

    /** @return this query, for the page after the one whose {@link SessionPage#next()} this is */
    public SessionQuery after(String cursor) {
        return new SessionQuery(userNamePrefix, clientContains, olderThan, cursor, limit);
    }
}
