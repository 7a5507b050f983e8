package dev.usersession.auth;

import dev.usersession.UserSessionException;

/**
 * A call of {@code @RequiresLogin(level = AAL2)} in a session that is not bound to a key of its browser, with
 * {@code usersession.device-binding=required-for-level}: a session cookie alone, which can be copied off the device,
 * is not enough for it. A web request answers 403 Forbidden, error code {@code device_binding_required}; the user
 * needs a browser with Device Bound Session Credentials (Chrome 145+ on Windows) and a new login in it.
 */
public class DeviceBindingRequiredException extends UserSessionException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused */
    public DeviceBindingRequiredException(String message) {
        super("device_binding_required", message);
    }
}
