package dev.usersession.it.health;

import dev.usersession.UserSessionPersistence;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The library's persistence unit on this machine's PostgreSQL, which the test stops and starts. */
@DataSourceDefinition(name = "java:app/jdbc/health", className = "org.postgresql.ds.PGSimpleDataSource",
        url = "jdbc:postgresql://127.0.0.1:5432/test", user = "postgres", minPoolSize = 0, maxPoolSize = 8)
@ApplicationScoped
public class HealthPersistence {

    @Produces
    @UserSessionPersistence
    @PersistenceContext(unitName = "health")
    EntityManager entityManager;
}
