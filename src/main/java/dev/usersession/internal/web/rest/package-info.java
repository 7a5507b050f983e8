/**
 * Jakarta REST exception mappers for the library's exceptions (409 conflict, 401 not logged in or session ended,
 * 403 forbidden, 400 invalid password, a refused second factor with the status of its reason, 429 throttled, 503 when
 * the library's own store failed), found by the REST runtime's scanning of the application: one for the common
 * {@link dev.usersession.UserSessionException}, one each for the two exceptions that keep a platform superclass; each
 * answers by the exception's error code. Every public exception that the library throws at an application has one,
 * and a code the catalogue answers ({@code LibraryExceptionMappingTest} checks both). Exceptions that are not the
 * library's are left to the application's own mappers.
 */
package dev.usersession.internal.web.rest;
