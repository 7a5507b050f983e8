/**
 * What guards a login before any session exists: throttling per user, per address and per device
 * ({@link dev.usersession.internal.login.LoginGuard}), the device cookie, and the login challenges: the steps of a
 * login
 * or of a factor change that wait for the browser's next request ({@link
 * dev.usersession.internal.login.LoginChallenges}).
 */
package dev.usersession.internal.login;
