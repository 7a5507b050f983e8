/**
 * The accounts of the library's identity store: the {@code user_account} entity and its repository, password hashing
 * (PBKDF2) and the password policy, the normal form of user names.
 */
package dev.usersession.internal.account;
