package dev.usersession.internal.state;

/** A {@code @UserSession} bean class whose state cannot be stored; reported as a deployment error. */
public class InvalidBeanStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message which bean, which fields, and why */
    public InvalidBeanStateException(String message) {
        super(message);
    }
}
