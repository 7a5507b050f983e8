package dev.usersession.testing;

import dev.usersession.internal.bootstrap.LibraryBeans;
import dev.usersession.internal.context.UserSessionExtension;
import jakarta.enterprise.inject.se.SeContainer;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.jboss.weld.environment.se.Weld;

/** Boots Weld SE as the tests need it: no discovery, the library's extension, the test persistence and given beans. */
public final class Containers {

    private Containers() {}

    /** @return a running container with the library and these bean classes */
    public static SeContainer boot(Class<?>... beanClasses) {
        return new Weld()
                .disableDiscovery()
                .addExtension(new UserSessionExtension())
                .addExtension(new LibraryBeans())
                .addBeanClass(TestPersistence.class)
                .addBeanClass(Pbkdf2PasswordHashImpl.class)
                .addBeanClasses(beanClasses)
                .initialize();
    }
}
