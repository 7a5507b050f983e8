package dev.usersession.internal.web.rest;

import dev.usersession.auth.SessionLimitReachedException;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link SessionLimitReachedException} with 409 Conflict and a short JSON body. */
@Provider
public class SessionLimitMapper extends FailureMapper<SessionLimitReachedException> {
}
