package dev.usersession;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The library's settings, with safe defaults. Each can be set as a system property (for example
 * {@code -Dusersession.idle-timeout=PT15M}); durations use the ISO-8601 form of {@link Duration#parse}.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code usersession.idle-timeout}</td><td>{@code PT30M}</td><td>a session not used for this long ends</td></tr>
 *   <tr><td>{@code usersession.absolute-timeout}</td><td>{@code PT12H}</td><td>a session ends this long after login,
 *   however busy</td></tr>
 *   <tr><td>{@code usersession.state-cache-size}</td><td>{@code 10000}</td><td>how many sessions' state a node keeps
 *   in memory to skip reading bean rows that have not changed (0 turns the cache off)</td></tr>
 * </table>
 *
 * An application can also replace this bean with an {@code @Alternative @Priority} subclass.
 */
@ApplicationScoped
public class UserSessionConfig {

    /** @return how long an unused session lives */
    public Duration idleTimeout() {
        return duration("usersession.idle-timeout", Duration.ofMinutes(30));
    }

    /** @return how long a session lives at most */
    public Duration absoluteTimeout() {
        return duration("usersession.absolute-timeout", Duration.ofHours(12));
    }

    /** @return how many sessions' bean state a node caches */
    public int stateCacheSize() {
        String value = System.getProperty("usersession.state-cache-size");
        if (value == null) {
            return 10_000;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("usersession.state-cache-size must be a whole number, not '" + value + "'", e);
        }
    }

    private static Duration duration(String property, Duration defaultValue) {
        String value = System.getProperty(property);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Duration.parse(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalStateException(property + " must be an ISO-8601 duration such as PT30M, not '" + value + "'", e);
        }
    }
}
