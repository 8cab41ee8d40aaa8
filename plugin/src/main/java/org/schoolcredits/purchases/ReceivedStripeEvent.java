package org.schoolcredits.purchases;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.schoolcredits.storage.UuidColumn;

/**
 * A Stripe event as received (table {@code stripe_event}), kept raw, with what it did. It is written
 * by an {@code ON CONFLICT DO NOTHING} insert, so that a second delivery of the event finds it there,
 * and what it did by one update at the end of its transaction ({@link StripeEvents#receive}).
 */
@Entity
@Table(name = "stripe_event")
public class ReceivedStripeEvent {

    @Id
    @Column(name = "event_id")
    private String id;

    private String type;

    @Column(name = "api_version")
    private String apiVersion;

    private String payload;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "school_id")
    private String schoolId;

    @Column(name = "purchase_id")
    @Convert(converter = UuidColumn.class)
    private UUID purchaseId;

    private String outcome;

    protected ReceivedStripeEvent() {
    }
}
