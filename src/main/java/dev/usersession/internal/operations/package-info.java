/**
 * What operators use besides metrics: the readiness check of the session store
 * ({@link dev.usersession.internal.operations.SessionStoreReadiness}, registered where the server has MicroProfile
 * Health), the
 * count of live sessions behind the active-sessions gauge ({@link
 * dev.usersession.internal.operations.ActiveSessionCount}),
 * and the pieces of the administration API: page cursors and the redacted view of stored state. Uses {@code spi},
 * {@code context} and {@code metrics}; {@code admin} (the implementation of
 * {@code dev.usersession.admin.UserSessionAdmin}) and {@code web} use it.
 */
package dev.usersession.internal.operations;
