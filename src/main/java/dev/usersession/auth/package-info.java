/**
 * Logins and proofs of identity: the {@link dev.usersession.auth.RequiresLogin} guard, the
 * {@link dev.usersession.auth.UserSessionMechanism} qualifier of the library's Jakarta Security mechanism, the
 * accounts of its identity store ({@link dev.usersession.auth.UserAccounts}), the current user's factors
 * ({@link dev.usersession.auth.UserCredentials}: re-authentication, one-time codes, passkeys), what another mechanism
 * proved ({@link dev.usersession.auth.OtherMechanismProofs}), and the exceptions an application sees when a call needs
 * a login, a recent proof, a second factor or a role.
 */
package dev.usersession.auth;
