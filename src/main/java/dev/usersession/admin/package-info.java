/**
 * What an administrator does with other users' sessions ({@link dev.usersession.admin.UserSessionAdmin}: find them
 * page by page with a {@link dev.usersession.admin.SessionQuery}, read their state, end them), which stored fields an
 * administrator may read ({@link dev.usersession.admin.AdminVisible}), and the security-relevant events the library
 * records ({@link dev.usersession.admin.AuditEvent}).
 */
package dev.usersession.admin;
