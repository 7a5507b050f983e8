package dev.usersession.internal.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The MicroProfile Health readiness check {@code usersession-store}: DOWN while the session store does not answer
 * within {@code usersession.health.timeout}, UP again as soon as it does (see {@link StoreProbe}). WildFly serves it at
 * {@code /health/ready} on its management port, Payara at {@code /health/ready} on its HTTP port. The library adds
 * it only where the server has MicroProfile Health.
 */
@Readiness
@ApplicationScoped
public class SessionStoreReadiness implements HealthCheck {

    /** The check's name in the health answer. */
    public static final String NAME = "usersession-store";

    @Inject
    StoreProbe probe;

    @Override
    public HealthCheckResponse call() {
        StoreProbe.Result result = probe.check();
        return HealthCheckResponse.named(NAME)
                .status(result.up())
                .withData("detail", result.detail())
                .build();
    }
}
