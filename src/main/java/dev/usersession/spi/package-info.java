/**
 * What integrators implement: {@link dev.usersession.spi.UserSessionStore}, the storage of sessions and bean
 * states, the records it exchanges with the library, and {@link dev.usersession.internal.errors.Causes} to look through
 * an
 * exception's causes.
 */
package dev.usersession.spi;
