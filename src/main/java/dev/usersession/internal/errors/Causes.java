package dev.usersession.internal.errors;

import java.util.ArrayDeque;
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

    private Causes() {}

    /** @return the exception and its causes, outermost first, each once (a cycle ends the chain) */
    public static List<Throwable> of(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = thrown; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /**
     * @return the exception, its causes and the exceptions suppressed by any of them (and their causes), each once:
     *     a transaction manager may keep the resource's failure behind a commit that failed as a suppressed
     *     exception rather than as the cause
     */
    public static List<Throwable> withSuppressed(Throwable thrown) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> pending = new ArrayDeque<>();
        pending.add(thrown);
        while (!pending.isEmpty()) {
            for (Throwable cause : of(pending.poll())) {
                if (seen.add(cause)) {
                    all.add(cause);
                    pending.addAll(List.of(cause.getSuppressed()));
                }
            }
        }
        return all;
    }

    /** @return the outermost exception of that type in the chain, or empty when there is none */
    public static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        return of(thrown).stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
