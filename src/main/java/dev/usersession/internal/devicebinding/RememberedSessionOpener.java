package dev.usersession.internal.devicebinding;

import java.util.Optional;

/**
 * Opens the session of a remembered browser once it proved its key (the login side, which this package does not
 * reach): checks that the user may still sign in, stores a new session and sets its cookie on the response.
 */
@FunctionalInterface
public interface RememberedSessionOpener {

    /** @return the id of the new session, or empty when the user may no longer have one */
    Optional<String> open(String userName);
}
