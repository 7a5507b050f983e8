package dev.usersession.spi;

import java.time.Instant;

/**
 * One page of a search among live sessions, newest first (by creation time, then by id, both descending): the
 * store's side of {@code UserSessionAdmin.find}. Paging is by keyset: the next page starts after the last session of
 * the previous one, so a page costs the same however deep it is, and sessions that start or end meanwhile never shift
 * a page.
 *
 * @param userNamePrefix only users whose name starts with this (case-sensitive); empty for all
 * @param clientContains only sessions whose client description contains this (case-insensitive); empty for all
 * @param createdBefore only sessions created before this instant; {@code null} for all
 * @param afterCreated the creation time of the last session of the previous page; {@code null} for the first page
 * @param afterId the id of the last session of the previous page; {@code null} for the first page
 * @param limit at most this many sessions
 */
public record SessionSearch(
        String userNamePrefix,
        String clientContains,
        Instant createdBefore,
        Instant afterCreated,
        String afterId,
        int limit) {

    /** Turns missing filters into empty ones and checks that the keyset is whole. */
    public SessionSearch {
        userNamePrefix = userNamePrefix == null ? "" : userNamePrefix;
        clientContains = clientContains == null ? "" : clientContains;
        if ((afterCreated == null) != (afterId == null)) {
            throw new IllegalArgumentException("A page starts after a creation time and an id, or after nothing");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one session");
        }
    }
}
