/**
 * The {@code @UserSession} context: the portable extension that registers it, the per-thread unit of work that
 * creates, restores and writes back bean instances, the interceptor that records which beans were used, and this
 * node's cache of session state.
 */
package dev.usersession.context;
