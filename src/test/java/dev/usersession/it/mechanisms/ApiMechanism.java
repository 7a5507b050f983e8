package dev.usersession.it.mechanisms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** The application's second mechanism: HTTP Basic (for its API), next to the library's session cookie. */
@BasicAuthenticationMechanismDefinition(realmName = "api")
@ApplicationScoped
public class ApiMechanism {}
