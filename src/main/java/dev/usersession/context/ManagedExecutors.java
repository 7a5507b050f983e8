package dev.usersession.context;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The server's default managed scheduled executor (Jakarta Concurrency), on whose threads the library's background
 * work runs with the application's context (its class loader, JNDI names and CDI beans). Absent in Java SE.
 */
public final class ManagedExecutors {

    /** Its JNDI name. */
    public static final String SCHEDULED = "java:comp/DefaultManagedScheduledExecutorService";

    private ManagedExecutors() {
    }

    /** @return the executor, or empty where the server has none (Java SE) */
    public static Optional<ManagedScheduledExecutorService> scheduled() {
        try {
            return Optional.of((ManagedScheduledExecutorService) new InitialContext().lookup(SCHEDULED));
        } catch (NamingException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
