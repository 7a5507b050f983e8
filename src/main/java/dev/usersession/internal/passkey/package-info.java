/**
 * Passkeys (WebAuthn): the registration and authentication ceremonies (webauthn4j, relocated into the jar), the passkey
 * entity and repository, and {@link dev.usersession.internal.passkey.PasskeyFactor}, which registers, verifies, lists
 * and
 * removes a user's passkeys.
 */
package dev.usersession.internal.passkey;
