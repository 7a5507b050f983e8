package dev.usersession.internal.login;

/**
 * Who tries to log in, as login throttling sees it.
 *
 * @param userName the submitted user name, exactly as submitted
 * @param clientAddress the client's address as the container sees it, or {@code null} when unknown (outside a
 *     request)
 * @param deviceToken the device cookie's value, or {@code null}
 */
public record LoginAttempt(String userName, String clientAddress, String deviceToken) {

    @Override
    public String toString() {
        return "LoginAttempt[" + userName + " from " + clientAddress + (deviceToken == null ? "" : ", device") + "]";
    }
}
