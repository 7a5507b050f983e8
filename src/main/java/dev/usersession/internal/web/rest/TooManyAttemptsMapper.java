package dev.usersession.internal.web.rest;

import dev.usersession.auth.TooManyAttemptsException;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link TooManyAttemptsException} with 429 Too Many Requests, {@code Retry-After} and a short JSON body. */
@Provider
public class TooManyAttemptsMapper extends FailureMapper<TooManyAttemptsException> {
}
