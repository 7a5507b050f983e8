package dev.usersession.internal.web.rest;

import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.errors.Failure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Maps one of the library's exceptions, thrown in a Jakarta REST resource, to its short error response (the same
 * status and body the library's servlet filter gives).
 *
 * @param <E> the exception type
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
