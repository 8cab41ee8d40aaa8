package org.schoolcredits.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoUsersTest {

    final EmbeddedPostgres postgres;
    final DemoDb db;
    final DemoUsers users = new DemoUsers();

    DemoUsersTest() throws Exception {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        db = new DemoDb(postgres.getPostgresDatabase());
        db.update("create schema demo");
        db.update("create table demo.app_user (user_id text primary key, school_id text, display_name text,"
                + " email text, role text)");
        db.update("insert into demo.app_user values ('staff@oakwood', 'oakwood', 'Sam Oak', null, 'staff')");
        users.db = db;
    }

    @AfterEach
    void stop() throws Exception {
        postgres.close();
    }

    @Test
    @DisplayName("a user's role changed or removed in the database counts a second later at most")
    void rememberedForASecond() {
        long start = 1_000;
        assertEquals(DemoUser.STAFF, users.find("staff@oakwood", start).orElseThrow().role());
        db.update("update demo.app_user set role = 'school-admin' where user_id = 'staff@oakwood'");
        assertEquals(DemoUser.STAFF, users.find("staff@oakwood", start + DemoUsers.REMEMBERED - 1).orElseThrow()
                .role(), "remembered");
        assertEquals(DemoUser.SCHOOL_ADMIN, users.find("staff@oakwood", start + DemoUsers.REMEMBERED).orElseThrow()
                .role());
        db.update("delete from demo.app_user");
        assertTrue(users.find("staff@oakwood", start + 2 * DemoUsers.REMEMBERED).isEmpty());
        assertTrue(users.find("nobody@oakwood", start).isEmpty());
    }
}
