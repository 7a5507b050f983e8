/**
 * What the library reads from the current HTTP request: cookies as the client sent them, the CSRF check of
 * state-changing requests, the request being served, the device its user agent names, and the attributes through
 * which the mechanism tells the filter and the endpoints what it decided.
 */
package dev.usersession.internal.request;
