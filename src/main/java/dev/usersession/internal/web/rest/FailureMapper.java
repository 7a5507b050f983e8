package dev.usersession.internal.web.rest;

import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.errors.Failure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Maps the library's exceptions, thrown in a Jakarta REST resource, to their short error responses (the same status,
 * body and headers the library's servlet filter gives), by their error code. A Jakarta REST runtime picks a mapper by
 * the exception's class, so there is one subclass per superclass of the library's exceptions: the common
 * {@code UserSessionException}, and the two exceptions that must keep the superclass of a platform type.
 *
 * @param <E> the exceptions answered, all of them {@link dev.usersession.UserSessionFailure}s
 */
public abstract class FailureMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Override
    public Response toResponse(E exception) {
        Failure failure = Failure.reported(exception, "a Jakarta REST resource");
        Response.ResponseBuilder response = Response.status(failure.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(ErrorResponses.json(failure));
        if (failure.retryAfterSeconds() != null) {
            response.header("Retry-After", failure.retryAfterSeconds());
        }
        return response.build();
    }
}
