package dev.usersession.internal.web.rest;

import dev.usersession.auth.InvalidPasswordException;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers {@link InvalidPasswordException} with 400 Bad Request and the policy's sentence in a short JSON body. It has
 * a mapper of its own because it is an {@code IllegalArgumentException}, not a {@code UserSessionException}; a mapper
 * of {@code IllegalArgumentException} would answer the application's own.
 */
@Provider
public class InvalidPasswordMapper extends FailureMapper<InvalidPasswordException> {}
