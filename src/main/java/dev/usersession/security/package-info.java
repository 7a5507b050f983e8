/**
 * Authentication: session tokens ({@link dev.usersession.security.SessionTokens}) and, with Jakarta Security, the
 * mechanism that issues and checks the session cookie.
 */
package dev.usersession.security;
