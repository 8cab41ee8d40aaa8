package org.schoolcredits.alerts;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Requires;

/**
 * The outbox, newest first, for platform staff: what the plugin e-mailed or will e-mail, and how
 * delivery went. The demo's {@code /mail} page shows it, so that e-mails can be read without an
 * SMTP server.
 */
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.PLATFORM)
public class OutboxResource {

    static final int MAX_LIMIT = 200;

    public record Item(long id, String school, String kind, String recipient, String subject, String text,
                       String html, OffsetDateTime createdAt, int attempts, OffsetDateTime nextAttemptAt,
                       OffsetDateTime sentAt, String lastError, String status) {
    }

    /** {@code smtpConfigured} false: nothing is sent, every item stays {@code queued}. */
    public record Page(boolean smtpConfigured, List<Item> items) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Delivery delivery;

    @GET
    public Page list(@QueryParam("school") String school, @QueryParam("limit") String limit) {
        int max = limit(limit);
        if (school != null && (school.isBlank() || school.length() > 100)) {
            throw new CreditsException(ProblemCode.INVALID_PARAMETER, "'school' must have 1 to 100 characters");
        }
        return new Page(delivery.configured(), outbox.recent(school, max).stream().map(OutboxResource::item).toList());
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 50;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new CreditsException(ProblemCode.INVALID_PARAMETER, "'limit' must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Item item(OutboxEmail e) {
        String status = e.sent() ? "sent" : e.attempts() > 0 ? "retrying" : "queued";
        return new Item(e.id(), e.schoolId(), e.kind(), e.email().recipient(), e.email().subject(), e.email().text(),
                e.email().html(), time(e.createdAt()), e.attempts(), e.sent() ? null : time(e.nextAttemptAt()),
                time(e.sentAt()), e.lastError(), status);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
