package org.schoolcredits.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the migrations were applied and the database answers. */
@Readiness
@ApplicationScoped
public class CreditsReadiness implements HealthCheck {

    @Inject
    CreditsDatabase database;

    @Inject
    @CreditsDataSource
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("school-credits-database");
        if (!database.migrated()) {
            return response.down().withData("migrations", "failed: " + database.failure()).build();
        }
        try (Connection c = dataSource.getConnection()) {
            return response.status(c.isValid(2)).withData("migrations", "applied").build();
        } catch (SQLException e) {
            return response.down().withData("database", "unreachable").build();
        }
    }
}
