/**
 * The state of {@code @UserSession} beans: which fields are stored
 * ({@link dev.usersession.state.BeanStateModel}), the JSON-B encoding, and the deployment-time check that every stored
 * field can be written and read back; which fields an administrator may read
 * ({@link dev.usersession.state.AdminVisibleFields}).
 */
package dev.usersession.state;
