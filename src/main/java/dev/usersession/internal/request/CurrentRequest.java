package dev.usersession.internal.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The HTTP request the current thread serves, for code that the library also calls outside one (a batch job, a test,
 * an application's own thread): throttling counts its client, the audit trail names it, "sign out everywhere else"
 * keeps its browser.
 */
@ApplicationScoped
public class CurrentRequest {

    @Inject
    Instance<HttpServletRequest> requests;

    /** @return the current request, or empty outside one */
    public Optional<HttpServletRequest> get() {
        if (!requests.isResolvable()) {
            return Optional.empty();
        }
        try {
            HttpServletRequest request = requests.get();
            request.getMethod(); // throws outside a request on some servers
            return Optional.of(request);
        } catch (ContextNotActiveException | IllegalStateException outsideARequest) {
            return Optional.empty();
        }
    }
}
