package dev.usersession.bench;

import dev.usersession.UserSessionPersistence;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

/** The benchmarks' persistence unit: H2 in memory, the schema from the library's script. */
@ApplicationScoped
public class BenchPersistence {

    private EntityManagerFactory factory;

    @PostConstruct
    void open() {
        factory = Persistence.createEntityManagerFactory("bench");
    }

    @PreDestroy
    void close() {
        factory.close();
    }

    @Produces
    @Dependent
    @UserSessionPersistence
    EntityManager entityManager() {
        return factory.createEntityManager();
    }

    void close(@Disposes @UserSessionPersistence EntityManager entityManager) {
        entityManager.close();
    }
}
