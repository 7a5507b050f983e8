package dev.usersession.internal.store;

import dev.usersession.testing.ScratchDatabase;
import java.sql.Connection;
import java.util.Set;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;

/**
 * The library's migrations under Liquibase: the changelog {@code db/usersession/changelog.xml}, which an application
 * includes in its own (each change set runs on its database only).
 */
class LiquibaseMigrationsTest extends SchemaMigrations {

    static {
        // Liquibase 4.30 and later report usage to its vendor unless told not to; a test run sends nothing.
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    @Override
    void migrate(ScratchDatabase scratch) throws Exception {
        try (Connection connection = scratch.connect()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "db/usersession/changelog.xml")
                    .execute();
        }
    }

    @Override
    Set<String> toolTables() {
        return Set.of("databasechangelog", "databasechangeloglock");
    }
}
