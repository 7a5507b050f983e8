/**
 * The administration of other users' sessions: {@link dev.usersession.internal.admin.DefaultUserSessionAdmin}, the
 * library's implementation of {@link dev.usersession.admin.UserSessionAdmin}, with what only it uses: the check before
 * every administration call ({@link dev.usersession.internal.admin.AdminAccess}), page cursors and the redacted view of
 * stored state. It sits above {@code security} (the groups of the caller, the ending of sessions) and
 * uses {@code operations}, {@code context}, {@code audit}, {@code state} and the store below it; only {@code web} (the
 * {@code /usersession/admin} endpoints) and {@code bootstrap} use it.
 */
package dev.usersession.internal.admin;
