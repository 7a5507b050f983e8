package dev.usersession.internal.web.rest;

import dev.usersession.NoUserSessionException;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link NoUserSessionException} with 401 Unauthorized and a short JSON body. */
@Provider
public class NoUserSessionMapper extends FailureMapper<NoUserSessionException> {
}
