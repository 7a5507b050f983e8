package dev.usersession.admin;

import dev.usersession.UserSessionInfo;
import java.util.List;
import java.util.Optional;

/**
 * One page of {@link UserSessionAdmin#find}: sessions newest first.
 *
 * @param sessions the sessions of this page
 * @param next the cursor of the next page ({@link SessionQuery#after}), empty when this is the last
 */
public record SessionPage(List<UserSessionInfo> sessions, Optional<String> next) {

    /** Copies the list. */
    public SessionPage {
        sessions = List.copyOf(sessions);
    }
}
