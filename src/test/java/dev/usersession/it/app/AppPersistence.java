package dev.usersession.it.app;

import dev.usersession.UserSessionPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The one line an application writes to give the library its persistence unit. */
@ApplicationScoped
public class AppPersistence {

    @Produces
    @UserSessionPersistence
    @PersistenceContext(unitName = "it")
    EntityManager entityManager;
}
