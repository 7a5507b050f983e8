package dev.usersession.example;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Answers a request the server could not read (see {@link UnreadableBodies}, and Jakarta REST's own 400s) with 400
 * and a short JSON body in the shop's format, never the exception's text.
 */
@Provider
public class BadRequests implements ExceptionMapper<BadRequestException> {

    @Override
    public Response toResponse(BadRequestException exception) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("message", "The request could not be read. Send the fields of the form as JSON."))
                .build();
    }
}
