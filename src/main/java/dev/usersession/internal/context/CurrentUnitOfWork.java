package dev.usersession.internal.context;

/**
 * The unit of work bound to the current thread, if any. Units of work nest: binding one remembers the one it replaced,
 * and ending it brings that one back.
 */
final class CurrentUnitOfWork {

    private static final ThreadLocal<UnitOfWork> CURRENT = new ThreadLocal<>();

    private CurrentUnitOfWork() {}

    /** @return the bound unit of work, or {@code null} */
    static UnitOfWork get() {
        return CURRENT.get();
    }

    /** Binds a unit of work. @return the one it replaces, or {@code null} */
    static UnitOfWork bind(UnitOfWork unitOfWork) {
        UnitOfWork previous = CURRENT.get();
        CURRENT.set(unitOfWork);
        return previous;
    }

    /** Binds the previous unit of work again, or none. */
    static void restore(UnitOfWork previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Marks an instance of the bound unit of work as used. */
    static void markUsed(Object instance) {
        UnitOfWork unitOfWork = CURRENT.get();
        if (unitOfWork != null) {
            unitOfWork.markUsed(instance);
        }
    }
}
