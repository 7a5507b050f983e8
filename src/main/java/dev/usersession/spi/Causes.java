package dev.usersession.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks an exception's chain of causes: the one place the library looks through wrappers (a container's
 * {@code ServletException}, a provider's {@code PersistenceException} around an {@code SQLException}). A store
 * implementation may use it to find its database's failure among the causes.
 */
public final class Causes {

    private Causes() {
    }

    /** @return the exception and its causes, outermost first, each once (a cycle ends the chain) */
    public static List<Throwable> of(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = thrown; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** @return the outermost exception of that type in the chain, or empty when there is none */
    public static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        return of(thrown).stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
