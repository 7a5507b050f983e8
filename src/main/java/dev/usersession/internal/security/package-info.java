/**
 * Authentication with Jakarta Security: the mechanism that issues and checks the session cookie, the login and its
 * second step ({@link dev.usersession.internal.security.SessionLogin},
 * {@link dev.usersession.internal.security.FactorLogins}), sessions of callers another mechanism authenticated, the JPA
 * identity store, the {@code @RequiresLogin} interceptor, changes of a user's factors
 * ({@link dev.usersession.internal.security.FactorChanges}), and the implementations of the public {@code UserSessions},
 * {@code UserAccounts} and {@code UserCredentials} ({@code Default...}), which the library's own code injects instead
 * of the interfaces. Uses the factor packages, {@code login}, {@code account}, {@code context} and the packages below
 * them; never {@code web}.
 */
package dev.usersession.internal.security;
