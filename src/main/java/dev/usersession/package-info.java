/**
 * The {@link dev.usersession.UserSession} scope and its core: the {@link dev.usersession.ReadOnly} marker,
 * {@link dev.usersession.UserSessions} (open, list, end and run in sessions), what the application may know about a
 * session ({@link dev.usersession.UserSessionInfo}, {@link dev.usersession.SessionProofs}), the
 * {@link dev.usersession.UserSessionEnded} event, the configuration ({@link dev.usersession.UserSessionConfig},
 * {@link dev.usersession.UserSessionClock}), the {@link dev.usersession.UserSessionPersistence} qualifier of the
 * application's entity manager, and the exceptions of sessions and of their store.
 *
 * <p>The public API is this package, {@code dev.usersession.auth} (logins, factors, accounts),
 * {@code dev.usersession.admin} (other users' sessions, audit) and {@code dev.usersession.spi} (the store). Everything
 * under {@code dev.usersession.internal} is the implementation: it may change in any release.
 */
package dev.usersession;
