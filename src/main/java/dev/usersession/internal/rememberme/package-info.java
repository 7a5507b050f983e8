/**
 * "Keep me signed in": series of rotating tokens in a cookie, their entity and repository, and the detection of a
 * stolen token presented again.
 */
package dev.usersession.internal.rememberme;
