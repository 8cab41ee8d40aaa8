package org.schoolcredits.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.ReadOnly;
import org.schoolcredits.storage.InstantReadColumn;
import org.schoolcredits.storage.UuidColumn;

/**
 * A hold as its readers see it (table {@code hold}): read-only. The ledger's SQL ({@code Holds}) is the
 * only writer of holds; EclipseLink never writes this entity ({@link ReadOnly}; no
 * column but the id, whose mapping EclipseLink wants writable, is insertable or updatable).
 * Hold ids are random UUIDs, so {@code hold_id} alone names a hold.
 */
@Entity
@ReadOnly
@Table(name = "hold")
public class RecordedHold {

    @Id
    @Column(name = "hold_id") // EclipseLink needs its id writable in the mapping; @ReadOnly writes nothing
    @Convert(converter = UuidColumn.class)
    private UUID id;

    @Column(name = "school_id", insertable = false, updatable = false)
    private String schoolId;

    @Column(name = "credit_type", insertable = false, updatable = false)
    private String creditType;

    @Column(name = "feature", insertable = false, updatable = false)
    private String feature;

    @Column(name = "amount", insertable = false, updatable = false)
    private long amount;

    @Column(name = "reference", insertable = false, updatable = false)
    private String reference;

    @Column(name = "state", insertable = false, updatable = false)
    private String state;

    @Column(name = "created_at", insertable = false, updatable = false)
    @Convert(converter = InstantReadColumn.class)
    private Instant createdAt;

    @Column(name = "expires_at", insertable = false, updatable = false)
    @Convert(converter = InstantReadColumn.class)
    private Instant expiresAt;

    protected RecordedHold() {
    }

    public UUID id() {
        return id;
    }

    public String schoolId() {
        return schoolId;
    }

    public String creditType() {
        return creditType;
    }

    public String feature() {
        return feature;
    }

    /** The credits held, in thousandths. */
    public long amount() {
        return amount;
    }

    public String reference() {
        return reference;
    }

    /** {@code held}, {@code captured}, {@code released} or {@code expired}. */
    public String state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
