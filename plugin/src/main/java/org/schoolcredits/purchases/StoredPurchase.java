package org.schoolcredits.purchases;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.Money;
import org.schoolcredits.storage.TextArrayColumn;

/**
 * A row of the purchase table, read into a {@link Purchase}. It is written once by {@code persist};
 * its status, flags and what reversals took change only through the repository's conditional updates.
 */
@Entity
@Table(name = "purchase")
@IdClass(StoredPurchase.Key.class)
public class StoredPurchase {

    @Id
    @Column(name = "school_id")
    private String schoolId;

    @Id
    @Column(name = "purchase_id")
    private UUID id;

    @Column(name = "package_id")
    private String packageId;

    @Column(name = "credit_type")
    private String creditType;

    private long credits;
    private long pence;
    private String method;
    private String status;

    @Column(name = "checkout_session_id")
    private String checkoutSessionId;

    @Column(name = "checkout_url")
    private String checkoutUrl;

    @Column(name = "payment_intent_id")
    private String paymentIntentId;

    @Column(name = "receipt_url")
    private String receiptUrl;

    @Column(name = "flag_reasons", insertable = false, updatable = false)
    @Convert(converter = TextArrayColumn.class)
    private List<String> flagReasons;

    @Column(name = "created_by_id")
    private String createdById;

    @Column(name = "created_by_name")
    private String createdByName;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "taken_back")
    private long takenBack;

    private long owed;

    @Column(name = "bank_reference")
    private String bankReference;

    @Column(name = "resolved_flags", insertable = false, updatable = false)
    private int resolvedFlags;

    @Column(insertable = false, updatable = false)
    private String resolution;

    @Column(name = "resolution_reason", insertable = false, updatable = false)
    private String resolutionReason;

    @Column(name = "resolved_at", insertable = false, updatable = false)
    private Instant resolvedAt;

    @Column(name = "resolved_by_id", insertable = false, updatable = false)
    private String resolvedById;

    @Column(name = "resolved_by_name", insertable = false, updatable = false)
    private String resolvedByName;

    protected StoredPurchase() {
    }

    StoredPurchase(Purchase p) {
        schoolId = p.schoolId();
        id = p.id();
        packageId = p.packageId();
        creditType = p.creditType().code();
        credits = p.credits().millis();
        pence = p.price().pence();
        method = p.method().code();
        status = p.status().code();
        createdById = p.buyer().userId();
        createdByName = p.buyer().name();
        createdAt = p.createdAt();
        updatedAt = p.createdAt();
        takenBack = p.takenBack().millis();
        owed = p.owed().millis();
        bankReference = p.bankReference();
    }

    Purchase view() {
        return new Purchase(schoolId, id, packageId, CreditType.ofCode(creditType), new Credits(credits),
                new Money(pence), Purchase.Method.ofCode(method), Purchase.Status.ofCode(status), checkoutSessionId,
                checkoutUrl, paymentIntentId, receiptUrl, flagReasons == null ? List.of() : flagReasons,
                new Actor(createdById, createdByName), createdAt, new Credits(takenBack), new Credits(owed),
                bankReference, resolvedFlags, resolution == null ? null : new Purchase.Resolution(
                        Purchase.Resolution.Outcome.ofCode(resolution), resolutionReason,
                        new Actor(resolvedById, resolvedByName), resolvedAt));
    }

    /** The key: school and purchase id. */
    public record Key(String schoolId, UUID id) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
