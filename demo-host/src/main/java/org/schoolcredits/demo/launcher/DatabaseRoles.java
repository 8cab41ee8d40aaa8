package org.schoolcredits.demo.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The embedded database's roles and how they sign in: the superuser {@code postgres}, the owner role
 * {@code credits_owner} that runs the migrations, and the runtime role {@code credits_app} the demo
 * serves as, which owns nothing. Their passwords are generated once and kept in
 * {@code <data dir>/db-passwords.properties} (readable by its owner only); every connection, local
 * or over TCP, must give its role's password (scram-sha-256). A data directory of an earlier
 * version (trust, everything owned by {@code postgres}) is brought to this on its first start.
 */
final class DatabaseRoles {

    static final String SUPERUSER = "postgres";
    static final String OWNER = "credits_owner";
    static final String RUNTIME = "credits_app";

    /** Read by PostgreSQL at a reload: nothing is trusted any more. */
    static final String PG_HBA = """
            # Written by the School Credits demo launcher: every role signs in with its password.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private final Properties passwords;

    private DatabaseRoles(Properties passwords) {
        this.passwords = passwords;
    }

    /** The passwords kept in {@code dataDir}, generated there on the first start. */
    static DatabaseRoles in(Path dataDir) throws IOException {
        Path file = dataDir.resolve("db-passwords.properties");
        Properties passwords = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                passwords.load(in);
            }
        }
        boolean added = false;
        for (String role : new String[] {SUPERUSER, OWNER, RUNTIME}) {
            if (passwords.getProperty(role, "").isBlank()) {
                passwords.setProperty(role, newPassword());
                added = true;
            }
        }
        if (added) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                passwords.store(out, "Passwords of the embedded database's roles, generated once; keep them private");
            }
        }
        return new DatabaseRoles(passwords);
    }

    String password(String role) {
        return passwords.getProperty(role);
    }

    /**
     * Gives each role its password, creates the owner and runtime roles, hands the owner role what
     * an earlier version left owned by {@code postgres}, then makes every sign-in need a password.
     */
    void apply(DataSource superuser, Path pgData) throws IOException {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + SUPERUSER + " password " + literal(password(SUPERUSER)));
            for (String role : new String[] {OWNER, RUNTIME}) {
                boolean exists;
                try (var rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                    exists = rs.next();
                }
                s.execute((exists ? "alter" : "create") + " role " + role + " login nosuperuser nocreatedb nocreaterole"
                        + " password " + literal(password(role)));
            }
            s.execute("grant create on database " + c.getCatalog() + " to " + OWNER);
            s.execute(ADOPT);
        } catch (SQLException e) {
            throw new IOException("Could not set up the embedded database's roles: " + e.getMessage(), e);
        }
        Path hba = pgData.resolve("pg_hba.conf");
        if (!PG_HBA.equals(Files.readString(hba))) {
            Files.writeString(hba, PG_HBA);
            try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            } catch (SQLException e) {
                throw new IOException("Could not reload the embedded database's sign-in rules: " + e.getMessage(), e);
            }
        }
    }

    /** Schemas credits and demo and all in them, owned by postgres before this version, pass to the owner role. */
    private static final String ADOPT = """
            do $$
            declare
                o record;
            begin
                for o in select nspname from pg_namespace where nspname in ('credits', 'demo')
                        and nspowner <> 'credits_owner'::regrole loop
                    execute format('alter schema %I owner to credits_owner', o.nspname);
                end loop;
                for o in select c.oid::regclass as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname in ('credits', 'demo') and c.relkind in ('r', 'p', 'v', 'm')
                        and c.relowner <> 'credits_owner'::regrole loop
                    execute format('alter %s %s owner to credits_owner',
                            case o.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, o.name);
                end loop;
                -- sequences of no column (those of a column have followed their table)
                for o in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname in ('credits', 'demo') and c.relkind = 'S'
                        and c.relowner <> 'credits_owner'::regrole loop
                    execute format('alter sequence %s owner to credits_owner', o.name);
                end loop;
                for o in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname in ('credits', 'demo') and p.proowner <> 'credits_owner'::regrole loop
                    execute format('alter function %s owner to credits_owner', o.name);
                end loop;
            end;
            $$""";

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
