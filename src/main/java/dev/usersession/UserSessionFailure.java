package dev.usersession;

/**
 * A failure of the library that carries its error code: the stable, machine-readable {@code error} of the short JSON
 * body the library answers it with (for instance {@code second_factor_required}), in the manner of Weld's message
 * ids. The code, not the exception's class or text, is what a client program or a log search should rely on; each
 * exception's javadoc says which code and which HTTP status it stands for.
 *
 * <p>The library's exceptions implement it: those of {@link UserSessionException}, and the two that must keep
 * another superclass, {@link NoUserSessionException} (a CDI {@code ContextNotActiveException}) and
 * {@link dev.usersession.auth.InvalidPasswordException} (an {@code IllegalArgumentException}). An application throws
 * these exceptions where it means what they mean; it does not implement this interface for its own exceptions, which
 * the library never answers.
 */
public interface UserSessionFailure {

    /** @return the error code the library answers this failure with, never {@code null} */
    String errorCode();
}
