package org.schoolcredits.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.schoolcredits.TestDatabase;
import org.schoolcredits.storage.CreditsDatabase;

class AppendOnlyRoleTest {

    @Test
    @DisplayName("the application's own database role cannot update, delete or truncate credit entries")
    void applicationRoleCannotChangeEntries() throws Exception {
        String role = "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String database = TestDatabase.createEmpty();
        try (Connection admin = TestDatabase.superuser(database).getConnection(); Statement s = admin.createStatement()) {
            s.execute("create role " + role + " login password 'app'");
            s.execute("grant all on database " + database + " to " + role);
            s.execute("grant create on schema public to " + role);
        }
        PGSimpleDataSource app = TestDatabase.superuser(database);
        app.setUser(role);
        app.setPassword("app");
        app.setCurrentSchema(CreditsDatabase.SCHEMA);
        CreditsDatabase.migrate(app);
        try (Connection c = app.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into school values ('oakwood', true, now())");
            s.execute("insert into balance (school_id, credit_type, available) values ('oakwood', 'connect', 1000)");
            s.execute("insert into entry (school_id, at, credit_type, kind, amount, balance_after, status,"
                    + " initiated_by_name) values ('oakwood', now(), 'connect', 'adjustment', 1000, 1000, 'success', 'System')");
            for (String change : new String[] {"update entry set amount = 0", "delete from entry", "truncate entry cascade"}) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(change), change);
                assertEquals("42501", refused.getSQLState(), change + ": " + refused.getMessage());
            }
        }
    }
}
