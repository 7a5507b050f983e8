/**
 * The state of {@code @UserSession} beans: which fields are stored
 * ({@link dev.usersession.state.BeanStateModel}), the JSON-B encoding, and the deployment-time check that every stored
 * field can be written and read back.
 */
package dev.usersession.state;
