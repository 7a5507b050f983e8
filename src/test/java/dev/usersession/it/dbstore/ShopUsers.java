package dev.usersession.it.dbstore;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/**
 * An application whose users live in its own tables, checked by the container's
 * {@code @DatabaseIdentityStoreDefinition}; the library's account table does not exist
 * ({@code usersession.identity-store.enabled=false}).
 */
@DataSourceDefinition(
        name = ShopUsers.DATA_SOURCE,
        className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:mem:dbstore;DB_CLOSE_DELAY=-1")
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = ShopUsers.DATA_SOURCE,
        callerQuery = "select password from shop_user where name = ?",
        groupsQuery = "select group_name from shop_user_group where user_name = ?",
        hashAlgorithmParameters = {"Pbkdf2PasswordHash.Iterations=3072"})
@ApplicationScoped
public class ShopUsers {

    static final String DATA_SOURCE = "java:app/jdbc/dbstore";
    /** The one user: dora, group "buyer". */
    public static final String PASSWORD = "dora's own password";

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Pbkdf2PasswordHash hashing;

    void create(@Observes @Initialized(ApplicationScoped.class) Object started) throws SQLException {
        hashing.initialize(Map.of("Pbkdf2PasswordHash.Iterations", "3072"));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists shop_user (name varchar(64) primary key, "
                    + "password varchar(512) not null)");
            statement.execute(
                    "create table if not exists shop_user_group (user_name varchar(64), " + "group_name varchar(64))");
            statement.execute("delete from shop_user_group");
            statement.execute("delete from shop_user");
            try (PreparedStatement user = connection.prepareStatement("insert into shop_user values (?, ?)")) {
                user.setString(1, "dora");
                user.setString(2, hashing.generate(PASSWORD.toCharArray()));
                user.executeUpdate();
            }
            statement.execute("insert into shop_user_group values ('dora', 'buyer')");
        }
    }

    /** @return whether a table of this name exists in the application's database */
    public boolean hasTable(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from information_schema.tables where lower(table_name) = ?")) {
            query.setString(1, name);
            try (var result = query.executeQuery()) {
                return result.next() && result.getInt(1) > 0;
            }
        }
    }
}
