package dev.usersession.it.app;

import dev.usersession.auth.RequiresLogin;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A stereotype that carries {@code @RequiresLogin} with a role. */
@Stereotype
@RequiresLogin(roles = "admin")
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AdminOnly {}
