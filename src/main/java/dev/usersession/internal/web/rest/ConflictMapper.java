package dev.usersession.internal.web.rest;

import dev.usersession.UserSessionConflictException;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link UserSessionConflictException} with 409 Conflict and a short JSON body. */
@Provider
public class ConflictMapper extends FailureMapper<UserSessionConflictException> {
}
