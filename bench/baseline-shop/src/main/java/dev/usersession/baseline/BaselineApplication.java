package dev.usersession.baseline;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The baseline's JSON API under {@code /api}, at the same paths as the example shop's. */
@ApplicationPath("/api")
public class BaselineApplication extends Application {
}
