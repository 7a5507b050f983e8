package dev.usersession.internal.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * The JTA boundaries of the store's work, apart from the caller's: a write runs in a new transaction that commits
 * when it returns ({@code REQUIRES_NEW}), a read runs with the caller's transaction suspended
 * ({@code NOT_SUPPORTED}), so that it neither sees nor fills the caller's persistence context. Without JTA (Java SE,
 * no transaction interceptor) both simply run the work.
 */
@ApplicationScoped
public class OwnTransactions {

    /** @return what the work returned, run in a JTA transaction of its own */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }

    /** @return what the work returned, run with no JTA transaction */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T outsideTransaction(Supplier<T> work) {
        return work.get();
    }
}
