package dev.usersession.testing;

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
import java.util.Map;

/**
 * What an application on Java SE writes to give the library its persistence unit: a resource-local
 * EntityManagerFactory and a {@code @UserSessionPersistence} producer with a disposer. The JPA provider is Hibernate,
 * or EclipseLink with {@code -Dusersession.test.jpa=eclipselink}; statements go through {@link CountingDriver}.
 */
@ApplicationScoped
public class TestPersistence {

    private EntityManagerFactory factory;

    @PostConstruct
    void open() {
        factory = newFactory();
    }

    /** @return a new factory of the test database's unit for the provider under test, its schema created */
    public static EntityManagerFactory newFactory() {
        TestDatabase.createSchema();
        return Persistence.createEntityManagerFactory(
                "usersession-test-" + TestDatabase.JPA_PROVIDER,
                Map.of(
                        "jakarta.persistence.jdbc.driver",
                        CountingDriver.class.getName(),
                        "jakarta.persistence.jdbc.url",
                        CountingDriver.wrap(TestDatabase.URL),
                        "jakarta.persistence.jdbc.user",
                        TestDatabase.USER,
                        "jakarta.persistence.jdbc.password",
                        TestDatabase.PASSWORD));
    }

    @PreDestroy
    void close() {
        ConnectionLeakCheck.watching(factory::close);
    }

    @Produces
    @Dependent
    @UserSessionPersistence
    EntityManager entityManager() {
        return factory.createEntityManager();
    }

    void closeEntityManager(@Disposes @UserSessionPersistence EntityManager entityManager) {
        entityManager.close();
    }
}
