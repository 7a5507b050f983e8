/**
 * The JPA storage of sessions: the entities the application adds to its persistence unit
 * ({@link dev.usersession.jpa.UserSessionEntity}, {@link dev.usersession.jpa.UserSessionBeanEntity}) and
 * {@link dev.usersession.jpa.JpaUserSessionStore}, which reads and writes them through the application's
 * {@link dev.usersession.UserSessionPersistence} entity manager.
 */
package dev.usersession.jpa;
