/**
 * What operators use besides metrics: the readiness check of the session store
 * ({@link dev.usersession.internal.operations.SessionStoreReadiness}, registered where the server has MicroProfile
 * Health) and the count of live sessions behind the active-sessions gauge
 * ({@link dev.usersession.internal.operations.ActiveSessionCount}). Uses {@code spi}, {@code context} and
 * {@code metrics}.
 */
package dev.usersession.internal.operations;
