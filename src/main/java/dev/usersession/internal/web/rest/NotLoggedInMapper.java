package dev.usersession.internal.web.rest;

import dev.usersession.auth.NotLoggedInException;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link NotLoggedInException} with 401 Unauthorized and a short JSON body. */
@Provider
public class NotLoggedInMapper extends FailureMapper<NotLoggedInException> {
}
