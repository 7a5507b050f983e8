/**
 * Authentication with Jakarta Security: the mechanism that issues and checks the session cookie, login and logout,
 * login throttling with device cookies ({@link dev.usersession.internal.login.LoginGuard}), the CSRF check, password hashing
 * and policy, the JPA identity store, the {@code @RequiresLogin} interceptor, and the check before every administration
 * call ({@link dev.usersession.internal.security.AdminAccess}), and the implementations of the public
 * {@code UserSessions}, {@code UserAccounts} and {@code UserCredentials} ({@code Default...}), which the library's own
 * code injects instead of the interfaces. Uses {@code context} (sessions and their life) and {@code jpa} (accounts,
 * login records) below it, never {@code web}.
 */
package dev.usersession.internal.security;

