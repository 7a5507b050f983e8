package dev.usersession.it.dbstore;

import dev.usersession.UserSessionPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The library's persistence unit: the application's own data source, without the account table. */
@ApplicationScoped
public class DbStorePersistence {

    @Produces
    @UserSessionPersistence
    @PersistenceContext(unitName = "dbstore")
    EntityManager entityManager;
}
