/**
 * The JPA storage of sessions: the session and bean-state entities, {@link
 * dev.usersession.internal.store.JpaUserSessionStore}
 * (the library's {@code UserSessionStore}), which reads and writes them through the application's
 * {@link dev.usersession.UserSessionPersistence} entity manager, the store's own transactions, the database's dialect
 * details, and {@link dev.usersession.internal.store.ExpiredRows}, through which the clean-up asks each repository to
 * delete its own expired rows.
 */
package dev.usersession.internal.store;
