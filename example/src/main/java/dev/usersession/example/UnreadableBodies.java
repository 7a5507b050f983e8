package dev.usersession.example;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A request body the server cannot read as the resource's type (malformed JSON, a string where an object belongs) is
 * the client's mistake: without this, the server answers 500 with the JSON-B exception's text. Only the reading of
 * request bodies is intercepted, so a failure to write a response stays a 500.
 */
@Provider
public class UnreadableBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (JsonbException | ProcessingException unreadable) {
            throw new BadRequestException("Unreadable request body", unreadable);
        }
    }
}
