/**
 * The servlet side: the filter that writes a request's session state before its response commits, the clean-up
 * listener, the login, logout and sessions endpoints, and the short error responses, all registered by
 * {@link dev.usersession.internal.web.UserSessionServletInitializer}.
 */
package dev.usersession.internal.web;
