package org.example.mis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.MessageCredits;
import org.schoolcredits.host.MessageOutcome;
import org.schoolcredits.host.MessageSending;
import org.schoolcredits.host.Metering;

/**
 * The host's SMS, charged through the plugin's messaging events: {@code MessageSending} holds the credits
 * of every message at once (all or none, or not enough credits), then the host sends, and
 * {@code MessageOutcome} captures each message that went and refunds each that failed.
 * The gateway here is a stand-in: a number ending in 999 fails.
 */
@ApplicationScoped
public class MisSms {

    private static final Logger LOG = Logger.getLogger(MisSms.class.getName());

    public record Sent(int sent, int failed, BigDecimal credits) {
    }

    @Inject
    Metering metering;

    @Inject
    Event<MessageSending> sending;

    @Inject
    Event<MessageOutcome> outcomes;

    @Inject
    MessageCredits credits;

    public Sent send(Caller by, List<String> to, String text) {
        if (!metering.isEnabled(by.schoolId())) {
            throw MisProblems.refusal(409, "school_not_enabled", "School Credits is off for this school, and so is SMS");
        }
        String reference = "sms-" + UUID.randomUUID();
        List<String> recipients = new ArrayList<>(); // by place in the list: a number listed twice is two messages
        for (int i = 0; i < to.size(); i++) {
            recipients.add((i + 1) + ":" + to.get(i));
        }
        sending.fire(MessageSending.of(by, Feature.SMS.code(), reference, recipients));
        List<MessageOutcome.Delivery> deliveries = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < to.size(); i++) {
            boolean went = deliver(to.get(i), text);
            deliveries.add(went ? MessageOutcome.Delivery.sent(recipients.get(i))
                    : MessageOutcome.Delivery.failed(recipients.get(i)));
            sent += went ? 1 : 0;
        }
        outcomes.fire(new MessageOutcome(by.schoolId(), Feature.SMS.code(), reference, deliveries));
        return new Sent(sent, to.size() - sent, credits.charges(by.schoolId(), Feature.SMS.code(), reference).charged());
    }

    private static boolean deliver(String number, String text) {
        boolean delivered = !number.endsWith("999");
        LOG.info(() -> "minimal host: SMS of " + text.length() + " characters " + (delivered ? "sent" : "failed"));
        return delivered;
    }
}
