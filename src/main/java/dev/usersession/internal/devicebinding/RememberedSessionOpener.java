package dev.usersession.internal.devicebinding;

import dev.usersession.spi.DeviceBinding;
import java.util.Optional;

/**
 * Opens the session of a remembered browser once it proved its key (the login side, which this package does not
 * reach): checks that the user may still sign in, stores a new session bound to the browser's key and sets its cookie on the
 * response.
 */
@FunctionalInterface
public interface RememberedSessionOpener {

    /**
     * @param binding the binding the new session is stored with, so that it is never usable without the key
     * @return the id of the new session, or empty when the user may no longer have one
     */
    Optional<String> open(String userName, DeviceBinding binding);
}
