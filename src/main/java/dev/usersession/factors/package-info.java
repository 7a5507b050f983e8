/**
 * Second factors: one-time codes (RFC 6238), recovery codes, passkeys; pure verification logic with no storage, used by
 * dev.usersession.security
 */
package dev.usersession.factors;
