package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.MessageCredits;
import org.schoolcredits.host.MessageOutcome;
import org.schoolcredits.host.MessageSending;
import org.schoolcredits.host.Metering;

/**
 * The demo MIS's paid features. An SMS send goes through the plugin's messaging events: the demo fires
 * {@link MessageSending} before it sends (the plugin holds every message's credits, or vetoes the whole
 * send with not enough credits), sends each message, then fires {@link MessageOutcome} with what failed,
 * which the plugin refunds. The demo keeps no message table of its own, so it fires each event outside
 * a transaction and the plugin runs it in one of its own; a host that records its messages fires them
 * inside the transaction that records them. A DVLA check calls the metering API by hand: hold, run,
 * then capture or release.
 */
@ApplicationScoped
public class DemoMessaging {

    public record SmsResult(int sent, int failed, BigDecimal credits) {
    }

    @Inject
    Event<MessageSending> sending;

    @Inject
    Event<MessageOutcome> outcomes;

    @Inject
    MessageCredits messageCredits;

    @Inject
    Metering metering;

    @Inject
    DemoGateways gateways;

    public SmsResult sendSms(Caller by, List<String> to, String text) {
        String reference = "sms-" + UUID.randomUUID();
        // each message is named by its place in the list, so that a number listed twice gets two messages
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            recipients.add((i + 1) + ":" + to.get(i));
        }
        sending.fire(MessageSending.of(by, Feature.SMS.code(), reference, recipients));
        List<MessageOutcome.Delivery> deliveries = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < to.size(); i++) {
            boolean went = gateways.sendSms(to.get(i), text);
            deliveries.add(went ? MessageOutcome.Delivery.sent(recipients.get(i))
                    : MessageOutcome.Delivery.failed(recipients.get(i)));
            sent += went ? 1 : 0;
        }
        outcomes.fire(new MessageOutcome(by.schoolId(), Feature.SMS.code(), reference, deliveries));
        MessageCredits.Charges charges = messageCredits.charges(by.schoolId(), Feature.SMS.code(), reference);
        return new SmsResult(sent, to.size() - sent, charges.charged());
    }

    /** Runs a DVLA check; true when it succeeded (and was charged), false when it failed (and was refunded). */
    public boolean dvlaCheck(Caller by, Feature feature, String number) {
        Metering.Reservation held = metering.reserve(by, feature, 1, "dvla:" + UUID.randomUUID());
        if (gateways.checkWithDvla(number)) {
            metering.capture(by.schoolId(), held.id());
            return true;
        }
        metering.release(by.schoolId(), held.id());
        return false;
    }
}
