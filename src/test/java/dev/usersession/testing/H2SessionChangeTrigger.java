package dev.usersession.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * For the unit suite on H2: logs every change of a session row in {@code user_session_change}, as the triggers of
 * {@code schema-mariadb-cache.sql} do on MariaDB (H2 runs triggers only as Java classes it can load, which the library
 * cannot ship for a server's H2).
 */
public class H2SessionChangeTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO user_session_change (session_id, changed_at) VALUES (?, ?)")) {
            insert.setObject(1, oldRow[0]);
            insert.setLong(2, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }
}
