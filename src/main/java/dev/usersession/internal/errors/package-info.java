/**
 * The library's failures and how it answers them: {@link dev.usersession.internal.errors.Failure}, the one catalogue of
 * every
 * status, code, sentence and {@code Retry-After} the library answers with, and
 * {@link dev.usersession.internal.errors.ErrorResponses}, which writes them as short bodies (JSON or text, never a
 * stack trace
 * or an exception's class). Used by {@code security} and {@code web} above it.
 */
package dev.usersession.internal.errors;
