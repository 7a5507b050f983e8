/**
 * What applications use: the {@link dev.usersession.UserSession} scope, the {@link dev.usersession.ReadOnly} marker,
 * the {@link dev.usersession.UserSessions} management API, the events and exceptions, and the configuration.
 */
package dev.usersession;
