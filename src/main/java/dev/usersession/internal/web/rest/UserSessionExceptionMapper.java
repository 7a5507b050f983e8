package dev.usersession.internal.web.rest;

import dev.usersession.UserSessionException;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers every {@link UserSessionException} with the status, {@code error} code and headers of its
 * {@linkplain UserSessionException#errorCode() code}, as the library's servlet filter and endpoints answer the same
 * exception: 409 conflict or session limit, 401 not logged in, session ended, re-authentication or second factor
 * required, 403 forbidden, a refused factor with the status of its reason, 429 throttled with {@code Retry-After}, and
 * 503 with {@code Retry-After} when the library's own store failed (logged once with its cause).
 */
@Provider
public class UserSessionExceptionMapper extends FailureMapper<UserSessionException> {}
