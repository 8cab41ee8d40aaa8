package org.schoolcredits.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A row of the outbox (table {@code outbox}): an e-mail and how its delivery went so far. */
@Entity
@Table(name = "outbox")
@IdClass(QueuedEmail.Key.class)
public class QueuedEmail {

    @Id
    @Column(name = "school_id")
    private String schoolId;

    @Id
    @Column(name = "email_id")
    private long id;

    private String kind;
    private String recipient;
    private String subject;

    @Column(name = "text_body")
    private String textBody;

    @Column(name = "html_body")
    private String htmlBody;

    @Column(name = "created_at")
    private Instant createdAt;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    protected QueuedEmail() {
    }

    OutboxEmail view() {
        return new OutboxEmail(schoolId, id, kind, new Email(recipient, subject, textBody, htmlBody), createdAt,
                attempts, nextAttemptAt, sentAt, lastError);
    }

    /** The key: school and e-mail id. */
    public record Key(String schoolId, long id) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
