package org.schoolcredits.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.schoolcredits.kernel.Credits;

/** A row of the price list (table {@code price}): one version of a feature's price, never changed once written. */
@Entity
@Table(name = "price")
@IdClass(PriceVersion.Key.class)
public class PriceVersion {

    @Id
    private String feature;

    @Id
    private int version;

    private long credits;

    @Column(name = "effective_from")
    private Instant effectiveFrom;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected PriceVersion() {
    }

    /** The version as a {@link Price} of a registered feature; null for a feature no longer registered. */
    Price price(Features features) {
        return features.find(feature).map(f -> new Price(f, version, new Credits(credits), effectiveFrom)).orElse(null);
    }

    /** The key: feature and version. */
    public record Key(String feature, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
