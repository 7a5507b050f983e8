package dev.usersession.it.app;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The application's own answer to its own optimistic-lock failures. */
@Provider
public class AppOptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {

    @Override
    public Response toResponse(OptimisticLockException exception) {
        return Response.status(409)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"app\":\"stale\"}")
                .build();
    }
}
