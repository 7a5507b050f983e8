package dev.usersession.internal.devicebinding;

/** A binding proof or key that the library does not accept; the message says why, for the log and the audit trail. */
final class BindingRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason why the proof or key was refused, never a value the browser sent */
    BindingRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
