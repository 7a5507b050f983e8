/**
 * What integrators implement: {@link dev.usersession.spi.UserSessionStore}, the storage of sessions and bean
 * states, and the records it exchanges with the library.
 */
package dev.usersession.spi;
