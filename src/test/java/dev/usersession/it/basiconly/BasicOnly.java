package dev.usersession.it.basiconly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** The application authenticates with Jakarta Security's Basic only; the library's mechanism is switched off. */
@BasicAuthenticationMechanismDefinition(realmName = "app")
@ApplicationScoped
public class BasicOnly {}
