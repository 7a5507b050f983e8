package dev.usersession.internal.store;

import dev.usersession.testing.ScratchDatabase;
import dev.usersession.testing.TestDatabase;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The library's migrations under Flyway, configured as docs/upgrade.md says: the location
 * {@code classpath:db/usersession/<database>} and a history table of their own, so that their versions never meet the
 * application's; a database that has tables but not this history runs them all (baseline version 0).
 */
class FlywayMigrationsTest extends SchemaMigrations {

    /** The history table docs/upgrade.md names. */
    static final String HISTORY = "usersession_schema_history";

    @Override
    void migrate(ScratchDatabase database) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(database.url(), TestDatabase.USER, TestDatabase.PASSWORD)
                .locations("classpath:db/usersession/" + VENDOR)
                .table(HISTORY)
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if ("postgresql".equals(VENDOR)) {
            configuration = configuration.schemas(database.name());
        }
        configuration.load().migrate();
    }

    @Override
    Set<String> toolTables() {
        return Set.of(HISTORY);
    }
}
