package org.schoolcredits.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.schoolcredits.kernel.Credits;

/** A school's saved alert settings (table {@code alert_settings}); a school without a row has the defaults. */
@Entity
@Table(name = "alert_settings")
public class SchoolAlertSettings {

    @Id
    @Column(name = "school_id")
    private String schoolId;

    @Column(name = "learner_threshold")
    private long learnerThreshold;

    @Column(name = "connect_threshold")
    private long connectThreshold;

    @Column(name = "email_alerts")
    private boolean emailAlerts;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected SchoolAlertSettings() {
    }

    public AlertSettings settings() {
        return new AlertSettings(new Credits(learnerThreshold), new Credits(connectThreshold), emailAlerts);
    }
}
