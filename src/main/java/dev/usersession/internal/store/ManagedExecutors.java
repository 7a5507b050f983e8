package dev.usersession.internal.store;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
    /** The JNDI name of the server's default managed thread factory. */
    public static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private ManagedExecutors() {}

    /**
     * @return the server's managed thread factory, whose threads run with the context of the application that looked
     *     it up, whoever later hands them work (Payara runs a task submitted to a managed executor from its own
     *     threads, such as the health endpoint's, in those threads' context); empty where the server has none
     */
    public static Optional<ManagedThreadFactory> threadFactory() {
        try {
            return Optional.of((ManagedThreadFactory) new InitialContext().lookup(THREAD_FACTORY));
        } catch (NamingException | RuntimeException e) {
            return Optional.empty();
        }
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
