package dev.usersession.internal.web.rest;

import dev.usersession.UserSessionStoreException;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers {@link UserSessionStoreException} (the library's own store failed) with 503 Service Unavailable,
 * {@code Retry-After} and a short JSON body, and logs it once with its cause.
 */
@Provider
public class StoreFailureMapper extends FailureMapper<UserSessionStoreException> {
}
