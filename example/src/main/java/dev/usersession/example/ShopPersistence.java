package dev.usersession.example;

import dev.usersession.UserSessionPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Gives usersession the shop's persistence unit: the one line of set-up an application writes. */
@ApplicationScoped
public class ShopPersistence {

    @Produces
    @UserSessionPersistence
    @PersistenceContext(unitName = "shop")
    EntityManager entityManager;
}
