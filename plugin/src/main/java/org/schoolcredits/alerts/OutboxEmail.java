package org.schoolcredits.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.schoolcredits.storage.Jdbc;

/** A row of the outbox: an e-mail, what caused it, and how its delivery went so far. */
public record OutboxEmail(String schoolId, long id, String kind, Email email, Instant createdAt, int attempts,
                         Instant nextAttemptAt, Instant sentAt, String lastError) {

    public boolean sent() {
        return sentAt != null;
    }

    static OutboxEmail of(ResultSet rs) throws SQLException {
        return new OutboxEmail(rs.getString("school_id"), rs.getLong("email_id"), rs.getString("kind"),
                new Email(rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                        rs.getString("html_body")),
                Jdbc.instant(rs, "created_at"), rs.getInt("attempts"), Jdbc.instant(rs, "next_attempt_at"),
                Jdbc.instant(rs, "sent_at"), rs.getString("last_error"));
    }
}
