/**
 * The state of {@code @UserSession} beans: which fields are stored
 * ({@link dev.usersession.internal.state.BeanStateModel}), the JSON-B encoding, and the deployment-time check that
 * every stored
 * field can be written and read back; which fields an administrator may read
 * ({@link dev.usersession.internal.state.AdminVisibleFields}).
 */
package dev.usersession.internal.state;
