package dev.usersession.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS for the test application, under {@code /rest}: resources and providers are found by scanning. */
@ApplicationPath("rest")
public class RestApplication extends Application {}
