package dev.usersession.it.health;

import dev.usersession.UserSessionPersistence;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The library's persistence unit on this machine's PostgreSQL, which the test stops and starts. The pool checks a
 * connection before handing it out and drops all of them after a failure (Payara's settings; what a production pool
 * needs to come back after a database restart), so that the application serves again once the database does.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/health",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "jdbc:postgresql://127.0.0.1:5432/test",
        user = "postgres",
        minPoolSize = 0,
        maxPoolSize = 8,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class HealthPersistence {

    @Produces
    @UserSessionPersistence
    @PersistenceContext(unitName = "health")
    EntityManager entityManager;
}
