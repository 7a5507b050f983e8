package dev.usersession.it.app;

import jakarta.enterprise.context.ApplicationScoped;

/** Guarded through the {@link AdminOnly} stereotype. */
@ApplicationScoped
@AdminOnly
public class AuditTrail {

    public String entries() {
        return "audit entries";
    }
}
