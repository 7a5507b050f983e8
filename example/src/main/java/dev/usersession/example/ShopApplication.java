package dev.usersession.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The shop's JSON API, under {@code /api}. The pages are static files that call it. */
@ApplicationPath("/api")
public class ShopApplication extends Application {
}
