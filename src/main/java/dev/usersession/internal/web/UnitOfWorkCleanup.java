package dev.usersession.internal.web;

import dev.usersession.internal.context.UserSessionManager;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

/**
 * Unbinds a unit of work that a request left bound, without writing it: the safety net for requests that never
 * reached {@link UnitOfWorkFilter} (a security constraint refused them).
 */
public class UnitOfWorkCleanup implements ServletRequestListener {

    @Inject
    UserSessionManager manager;

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        manager.discardIfBound();
    }
}
