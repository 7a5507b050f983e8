package dev.usersession.internal.web.rest;

import dev.usersession.auth.AccessDeniedException;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link AccessDeniedException} with 403 Forbidden and a short JSON body. */
@Provider
public class AccessDeniedMapper extends FailureMapper<AccessDeniedException> {
}
