package org.schoolcredits.host;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The owner role that migrations run as ({@code CREDITS_DB_MIGRATION_USER} and
 * {@code CREDITS_DB_MIGRATION_PASSWORD}, on the database of {@code CREDITS_DB_URL}), beside the
 * runtime role the plugin serves as. Without a migration user the runtime role migrates too, as
 * before, and a warning says that it can then rewrite the ledger. A host that keeps its own tables
 * in the plugin's database migrates them with the same role.
 */
public final class MigrationRole {

    private static final Logger LOG = Logger.getLogger(MigrationRole.class.getName());

    private MigrationRole() {
    }

    /** The data source to migrate with: the owner role's when configured, else {@code runtime} (with a warning). */
    public static DataSource dataSource(Config config, DataSource runtime) {
        Optional<DataSource> owner = owner(config);
        if (owner.isEmpty()) {
            LOG.warning("School Credits: no CREDITS_DB_MIGRATION_USER is set, so the runtime database user runs the"
                    + " migrations and owns the tables: it could disable the ledger's append-only trigger. Set"
                    + " CREDITS_DB_MIGRATION_USER and CREDITS_DB_MIGRATION_PASSWORD to an owner role, and"
                    + " CREDITS_DB_USER to a role that owns nothing.");
        }
        return owner.orElse(runtime);
    }

    /** The owner role's data source, when {@code credits.db.migration.user} is set. */
    public static Optional<DataSource> owner(Config config) {
        Optional<String> user = config.getOptionalValue("credits.db.migration.user", String.class);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(config.getValue("credits.db.url", String.class));
        owner.setUser(user.get());
        config.getOptionalValue("credits.db.migration.password", String.class).ifPresent(owner::setPassword);
        owner.setConnectTimeout(5);
        owner.setLoginTimeout(5);
        return Optional.of(owner);
    }

    /** The role that {@code dataSource} connects as: the runtime role the migrations grant to. */
    public static String roleOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database role: " + e.getMessage(), e);
        }
    }
}
