/**
 * Registers the library with CDI: {@link dev.usersession.bootstrap.LibraryBeans} adds every library bean. It sits
 * above all other packages and nothing depends on it.
 */
package dev.usersession.bootstrap;
