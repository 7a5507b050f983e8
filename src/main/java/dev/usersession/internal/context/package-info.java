/**
 * The {@code @UserSession} context and the life of sessions: {@link dev.usersession.internal.context.SessionLifecycle},
 * the
 * one owner of opening, renewing, ending and expiring sessions and of their events; the per-thread unit of work that
 * creates, restores and writes back bean instances; the interceptor that records which beans were used; session
 * tokens; this node's cache of session state; the clean-up of expired sessions and rows. Uses {@code store}, {@code
 * spi} and
 * {@code state} below it.
 */
package dev.usersession.internal.context;
