/**
 * Jakarta REST exception mappers for the library's exceptions (409 conflict, 401 not logged in or session ended,
 * 403 forbidden, 400 invalid password), found by the REST runtime's scanning of the application.
 */
package dev.usersession.web.rest;
