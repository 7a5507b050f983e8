package dev.usersession.it.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Counts the statements the database executed on the library's tables, from H2's own query statistics: the same
 * count on WildFly (Hibernate) and Payara (EclipseLink), whose default data source is H2 on both. The count's own
 * query is left out.
 */
@ApplicationScoped
public class ExecutedStatements {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** @return how many statements on the library's tables H2 has executed since statistics were switched on */
    public long count() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
            statement.execute("SET QUERY_STATISTICS TRUE");
            try (ResultSet result = statement.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) "
                    + "FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE (LOWER(SQL_STATEMENT) LIKE '%user\\_session%' "
                    + "OR LOWER(SQL_STATEMENT) LIKE '%user\\_account%') "
                    + "AND SQL_STATEMENT NOT LIKE '%INFORMATION_SCHEMA.QUERY_STATISTICS%'")) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read H2's query statistics", e);
        }
    }
}
