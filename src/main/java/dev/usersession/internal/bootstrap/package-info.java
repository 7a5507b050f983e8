/**
 * Registers the library with CDI: {@link dev.usersession.internal.bootstrap.LibraryBeans} adds every library bean. It
 * sits
 * above all other packages and nothing depends on it.
 */
package dev.usersession.internal.bootstrap;
