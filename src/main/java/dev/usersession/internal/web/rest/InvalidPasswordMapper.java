package dev.usersession.internal.web.rest;

import dev.usersession.auth.InvalidPasswordException;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link InvalidPasswordException} with 400 Bad Request and the policy's sentence in a short JSON body. */
@Provider
public class InvalidPasswordMapper extends FailureMapper<InvalidPasswordException> {
}
