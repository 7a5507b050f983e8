package dev.usersession.internal.web.rest;

import dev.usersession.UserSessionNotFoundException;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link UserSessionNotFoundException} with 401 Unauthorized and a short JSON body. */
@Provider
public class SessionEndedMapper extends FailureMapper<UserSessionNotFoundException> {
}
