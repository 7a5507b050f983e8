package dev.usersession.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a schema is made of, as lines that compare: every table's columns (type, size, digits, nullability, default,
 * collation where the database has one per column), primary keys, indexes, foreign keys and triggers. Two schemas
 * built different ways are the same when their catalogues are equal.
 */
public final class Catalog {

    private Catalog() {}

    /**
     * @param connection a connection to the database whose current schema is described
     * @param ignoredTables tables left out (a migration tool's history)
     * @return the catalogue of the connection's current schema, sorted
     */
    public static Set<String> of(Connection connection, Set<String> ignoredTables) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        Set<String> lines = new TreeSet<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet found = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String table = found.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!ignoredTables.contains(table)) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
        }
        for (String table : tables) {
            String t = table.toLowerCase(Locale.ROOT);
            lines.add("table " + t);
            try (ResultSet columns = meta.getColumns(catalog, schema, table, "%")) {
                while (columns.next()) {
                    lines.add("column " + t + "."
                            + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                            + columns.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + "("
                            + columns.getInt("COLUMN_SIZE")
                            + "," + columns.getInt("DECIMAL_DIGITS") + ") "
                            + (columns.getInt("NULLABLE") == DatabaseMetaData.columnNullable ? "null" : "not null")
                            + " default " + columns.getString("COLUMN_DEF"));
                }
            }
            try (ResultSet keys = meta.getPrimaryKeys(catalog, schema, table)) {
                while (keys.next()) {
                    lines.add("primary key " + t + " " + keys.getInt("KEY_SEQ") + " "
                            + keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            try (ResultSet indexes = meta.getIndexInfo(catalog, schema, table, false, false)) {
                while (indexes.next()) {
                    String column = indexes.getString("COLUMN_NAME");
                    if (column != null) {
                        lines.add("index " + t + " " + indexName(indexes.getString("INDEX_NAME")) + " "
                                + (indexes.getBoolean("NON_UNIQUE") ? "" : "unique ")
                                + indexes.getInt("ORDINAL_POSITION") + " " + column.toLowerCase(Locale.ROOT));
                    }
                }
            }
            try (ResultSet foreign = meta.getImportedKeys(catalog, schema, table)) {
                while (foreign.next()) {
                    lines.add("foreign key " + t + "."
                            + foreign.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT)
                            + " -> " + foreign.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                            + foreign.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " on delete "
                            + foreign.getInt("DELETE_RULE"));
                }
            }
        }
        for (String line : vendorLines(connection, catalog, schema)) {
            if (ignoredTables.stream().noneMatch(ignored -> line.startsWith("collation " + ignored + "."))) {
                lines.add(line);
            }
        }
        // the schema's own name (a default's sequence, say) differs between two builds of the same schema
        String own = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).startsWith("postgres") ? schema : catalog;
        Set<String> named = new TreeSet<>();
        for (String line : lines) {
            named.add(own == null ? line : line.replace(own + ".", "").replace(own.toLowerCase(Locale.ROOT) + ".", ""));
        }
        return named;
    }

    /** Names the database gives keys by itself differ between two builds of the same schema. */
    private static String indexName(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return lower.startsWith("primary")
                        || lower.endsWith("_pkey")
                        || lower.startsWith("constraint_")
                        || lower.matches(".*_index_[0-9a-f]+")
                ? "(generated)"
                : lower;
    }

    /** Column collations (MariaDB) and triggers (PostgreSQL, MariaDB). */
    private static List<String> vendorLines(Connection connection, String catalog, String schema) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        if (product.contains("mariadb") || product.contains("mysql")) {
            query(
                    connection,
                    "SELECT concat('collation ', lower(table_name), '.', lower(column_name), ' ', collation_name) "
                            + "FROM information_schema.columns WHERE table_schema = ? AND collation_name IS NOT NULL",
                    catalog,
                    lines);
            query(
                    connection,
                    "SELECT concat('trigger ', lower(trigger_name), ' ', action_timing, ' ', event_manipulation, ' ', "
                            + "lower(event_object_table), ' ', action_statement) FROM information_schema.triggers "
                            + "WHERE trigger_schema = ?",
                    catalog,
                    lines);
        } else if (product.contains("postgres")) {
            query(
                    connection,
                    "SELECT 'trigger ' || t.tgname || ' ' || c.relname || ' ' || t.tgtype || ' ' || p.proname || ' ' "
                            + "|| md5(p.prosrc) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                            + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid "
                            + "WHERE n.nspname = ? AND NOT t.tgisinternal",
                    schema,
                    lines);
        }
        return lines;
    }

    private static void query(Connection connection, String sql, String parameter, List<String> lines)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
        }
    }
}
