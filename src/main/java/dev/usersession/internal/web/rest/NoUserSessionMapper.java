package dev.usersession.internal.web.rest;

import dev.usersession.NoUserSessionException;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers {@link NoUserSessionException} with 401 Unauthorized and a short JSON body. It has a mapper of its own
 * because it is a CDI {@code ContextNotActiveException}, not a {@code UserSessionException}; a mapper of
 * {@code ContextNotActiveException} would answer the application's other inactive contexts too.
 */
@Provider
public class NoUserSessionMapper extends FailureMapper<NoUserSessionException> {}
