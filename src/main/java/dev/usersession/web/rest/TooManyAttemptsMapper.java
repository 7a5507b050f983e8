package dev.usersession.web.rest;

import dev.usersession.TooManyAttemptsException;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link TooManyAttemptsException} with 429 Too Many Requests, {@code Retry-After} and a short JSON body. */
@Provider
public class TooManyAttemptsMapper extends FailureMapper<TooManyAttemptsException> {
}
