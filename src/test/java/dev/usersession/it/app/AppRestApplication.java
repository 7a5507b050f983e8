package dev.usersession.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test application's Jakarta REST resources, under {@code /api}. */
@ApplicationPath("api")
public class AppRestApplication extends Application {}
