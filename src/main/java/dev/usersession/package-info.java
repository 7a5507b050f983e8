/**
 * What applications use: the {@link dev.usersession.UserSession} scope, the {@link dev.usersession.ReadOnly} marker
 * and the {@link dev.usersession.auth.RequiresLogin} guard, the facades {@link dev.usersession.UserSessions} and
 * {@link dev.usersession.auth.UserAccounts}, the events, value types and exceptions, and the configuration
 * ({@link dev.usersession.UserSessionConfig}, {@link dev.usersession.UserSessionClock}).
 *
 * <p>How the packages depend on each other, top to bottom (each uses only those below it, and the value types,
 * exceptions and configuration of this package): {@code web} (servlets, filter; its endpoints use the facades'
 * implementations) → {@code security} (the Jakarta Security mechanism, login, throttling, identity store) →
 * {@code errors} (the catalogue of failures and the error responses) and {@code context} (the scope's context, units
 * of work, the one owner of a session's life: {@link dev.usersession.internal.context.SessionLifecycle}) → {@code jpa} (the
 * JPA store and the login records) → {@code spi} (the storage interface, its records) and {@code state} (JSON-B state
 * of beans). The facades ({@code UserSessions} here, {@code UserAccounts} and {@code UserCredentials} in
 * {@code auth}, {@code UserSessionAdmin} in {@code admin}) are interfaces that only describe; the library implements
 * them in {@code internal.security} and {@code internal.admin}, and nothing inside the library calls them (it uses
 * the implementations); {@code bootstrap} registers everything with CDI.
 */
package dev.usersession;

