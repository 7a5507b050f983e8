/**
 * The administration of other users' sessions: {@link dev.usersession.internal.admin.DefaultUserSessionAdmin}, the
 * library's implementation of {@link dev.usersession.admin.UserSessionAdmin}. It sits above {@code security} (the
 * check of the administrator, {@link dev.usersession.internal.security.AdminAccess}, and the ending of sessions) and
 * uses {@code operations}, {@code context}, {@code audit}, {@code state} and the store below it; only {@code web} (the
 * {@code /usersession/admin} endpoints) and {@code bootstrap} use it.
 */
package dev.usersession.internal.admin;
