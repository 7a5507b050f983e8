/**
 * One-time codes of authenticator apps and recovery codes: the algorithm (TOTP, RFC 6238), secrets sealed for storage,
 * QR codes, their entities and repository, and {@link dev.usersession.internal.onetimecode.OneTimeCodeFactor}, which
 * enrolls, verifies and disables them for a user.
 */
package dev.usersession.internal.onetimecode;
