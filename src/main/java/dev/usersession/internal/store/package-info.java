/**
 * The JPA storage of sessions: the entities the application adds to its persistence unit
 * ({@link dev.usersession.internal.store.UserSessionEntity}, {@link dev.usersession.internal.store.UserSessionBeanEntity}) and
 * {@link dev.usersession.internal.store.JpaUserSessionStore}, which reads and writes them through the application's
 * {@link dev.usersession.UserSessionPersistence} entity manager.
 */
package dev.usersession.internal.store;

