package org.schoolcredits.history;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ConstructorResult;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.ReadOnly;
import org.schoolcredits.storage.InstantReadColumn;
import org.schoolcredits.storage.UuidColumn;

/**
 * A ledger entry as the readers of history see it (table {@code entry}): read-only. The ledger's SQL
 * is the only writer of entries; EclipseLink never writes this entity ({@link ReadOnly}; no
 * column but the id, whose mapping EclipseLink wants writable, is insertable or updatable).
 * Entry ids come from one sequence, so {@code entry_id} alone names an entry. The history reads its
 * pages as {@link Shown} views through {@link #AS_SHOWN}, the statement its actions through {@link #AS_ACTION}.
 */
@Entity
@ReadOnly
@Table(name = "entry")
// every column result names its type: without one, EclipseLink takes the constructor's types from
// the first row's values, and a null there (a purchase's feature) fails the whole page
@SqlResultSetMapping(name = RecordedEntry.AS_SHOWN, classes = @ConstructorResult(
        targetClass = RecordedEntry.Shown.class, columns = {
            @ColumnResult(name = "entry_id", type = long.class),
            @ColumnResult(name = "at", type = OffsetDateTime.class),
            @ColumnResult(name = "credit_type", type = String.class),
            @ColumnResult(name = "kind", type = String.class),
            @ColumnResult(name = "feature", type = String.class),
            @ColumnResult(name = "amount", type = long.class),
            @ColumnResult(name = "pending_amount", type = long.class),
            @ColumnResult(name = "balance_after", type = long.class),
            @ColumnResult(name = "initiated_by_name", type = String.class),
            @ColumnResult(name = "shown_status", type = String.class),
            @ColumnResult(name = "shown_reference", type = String.class)}))
@SqlResultSetMapping(name = RecordedEntry.AS_ACTION, classes = @ConstructorResult(
        targetClass = Statement.Action.class, columns = {
            @ColumnResult(name = "first_id", type = long.class),
            @ColumnResult(name = "first_at", type = OffsetDateTime.class),
            @ColumnResult(name = "credit_type", type = String.class),
            @ColumnResult(name = "action", type = String.class),
            @ColumnResult(name = "kind", type = String.class),
            @ColumnResult(name = "reference", type = String.class),
            @ColumnResult(name = "feature", type = String.class),
            @ColumnResult(name = "charges", type = long.class),
            @ColumnResult(name = "failed", type = long.class),
            @ColumnResult(name = "in_progress", type = long.class),
            @ColumnResult(name = "net", type = long.class),
            @ColumnResult(name = "refunded", type = long.class),
            @ColumnResult(name = "method", type = String.class),
            @ColumnResult(name = "package_id", type = String.class),
            @ColumnResult(name = "initiated_by", type = String.class),
            @ColumnResult(name = "detail", type = String.class)}))
public class RecordedEntry {

    /** The mapping of a history row to {@link Shown}: the columns it names, then {@code shown_status, shown_reference}. */
    public static final String AS_SHOWN = "RecordedEntry.asShown";

    /** The mapping of a statement row, one action's entries added up, to {@link Statement.Action}. */
    public static final String AS_ACTION = "RecordedEntry.asAction";

    @Id
    @Column(name = "entry_id") // EclipseLink needs its id writable in the mapping; @ReadOnly writes nothing
    private long id;

    @Column(name = "school_id", insertable = false, updatable = false)
    private String schoolId;

    @Column(name = "at", insertable = false, updatable = false)
    @Convert(converter = InstantReadColumn.class)
    private Instant at;

    @Column(name = "credit_type", insertable = false, updatable = false)
    private String creditType;

    @Column(name = "kind", insertable = false, updatable = false)
    private String kind;

    @Column(name = "feature", insertable = false, updatable = false)
    private String feature;

    @Column(name = "quantity", insertable = false, updatable = false)
    private Long quantity;

    @Column(name = "amount", insertable = false, updatable = false)
    private long amount;

    @Column(name = "pending_amount", insertable = false, updatable = false)
    private long pendingAmount;

    @Column(name = "balance_after", insertable = false, updatable = false)
    private long balanceAfter;

    @Column(name = "status", insertable = false, updatable = false)
    private String status;

    @Column(name = "initiated_by_name", insertable = false, updatable = false)
    private String initiatedByName;

    @Column(name = "reference", insertable = false, updatable = false)
    private String reference;

    @Column(name = "reason", insertable = false, updatable = false)
    private String reason;

    @Column(name = "hold_id", insertable = false, updatable = false)
    @Convert(converter = UuidColumn.class)
    private UUID holdId;

    /**
     * An entry as the history shows it ({@link #AS_SHOWN}): the columns it shows, with the usage's state
     * ({@code status}) and the reference as a reader sees it. Built straight from the row's columns,
     * at about half the cost per row of an entity (bench/README.md).
     */
    public record Shown(long id, OffsetDateTime at, String creditType, String kind, String feature, long amount,
                        long pendingAmount, long balanceAfter, String initiatedByName, String status, String reference) {
    }

    protected RecordedEntry() {
    }

    public long id() {
        return id;
    }

    public String schoolId() {
        return schoolId;
    }

    public Instant at() {
        return at;
    }

    public String creditType() {
        return creditType;
    }

    public String kind() {
        return kind;
    }

    public String feature() {
        return feature;
    }

    public Long quantity() {
        return quantity;
    }

    /** The change to the available balance, signed, in thousandths. */
    public long amount() {
        return amount;
    }

    /** The change to the pending balance, in thousandths. */
    public long pendingAmount() {
        return pendingAmount;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public String status() {
        return status;
    }

    public String initiatedByName() {
        return initiatedByName;
    }

    public String reference() {
        return reference;
    }

    public String reason() {
        return reason;
    }

    public UUID holdId() {
        return holdId;
    }
}
