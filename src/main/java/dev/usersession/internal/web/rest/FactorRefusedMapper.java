package dev.usersession.internal.web.rest;

import dev.usersession.auth.FactorRefusedException;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers {@link FactorRefusedException} (a wrong, malformed or used code, a refused passkey, a step that is gone)
 * with the status and {@code error} code of its reason, as the library's own endpoints answer the same refusal.
 */
@Provider
public class FactorRefusedMapper extends FailureMapper<FactorRefusedException> {
}
