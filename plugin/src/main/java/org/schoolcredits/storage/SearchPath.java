package org.schoolcredits.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The plugin names its tables without their schema, so the data source it works on must find them in
 * schema {@value CreditsDatabase#SCHEMA} first: the plugin's own sets {@code currentSchema=credits}; a
 * host's shared data source puts {@code credits} first on its search path ({@code currentSchema=credits,mis}).
 */
final class SearchPath {

    private SearchPath() {
    }

    /** Refuses a data source on which an unqualified name of one of the plugin's tables leads elsewhere. */
    static void check(DataSource dataSource) {
        List<String> astray = tablesFoundElsewhere(dataSource);
        if (!astray.isEmpty()) {
            throw new IllegalStateException("the data source's search path does not find the plugin's tables " + astray
                    + " in schema " + CreditsDatabase.SCHEMA + " first: put " + CreditsDatabase.SCHEMA
                    + " first on it, e.g. currentSchema=" + CreditsDatabase.SCHEMA + ",<your schema> in its properties");
        }
    }

    /**
     * The plugin's tables that a statement on {@code dataSource} naming them unqualified would not find in
     * schema {@value CreditsDatabase#SCHEMA} (another schema with a table of that name comes first on the
     * search path, or the search path lacks the schema); none when all is well.
     */
    static List<String> tablesFoundElsewhere(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select t.relname from pg_class t join pg_namespace n on n.oid = t.relnamespace"
                     + " where n.nspname = '" + CreditsDatabase.SCHEMA + "' and t.relkind in ('r', 'p', 'v')"
                     + " and to_regclass(quote_ident(t.relname))::oid is distinct from t.oid order by 1")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        } catch (SQLException e) {
            throw new Jdbc.DatabaseException(e);
        }
    }
}
