package org.example.mis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.Metering;

/**
 * The host's SMS, charged through the plugin's metering API: hold the credits of every message at once
 * (all or none), send, then capture each message that went and release each that failed (refunded).
 * The gateway here is a stand-in: a number ending in 999 fails.
 */
@ApplicationScoped
public class MisSms {

    private static final Logger LOG = Logger.getLogger(MisSms.class.getName());

    public record Sent(int sent, int failed, BigDecimal credits) {
    }

    @Inject
    Metering metering;

    public Sent send(Caller by, List<String> to, String text) {
        if (!metering.isEnabled(by.schoolId())) {
            throw MisProblems.refusal(409, "school_not_enabled", "School Credits is off for this school, and so is SMS");
        }
        String batch = UUID.randomUUID().toString();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            references.add("sms:" + batch + ":" + i);
        }
        List<Metering.Reservation> held = metering.reserveAll(by, Feature.SMS, references);
        int sent = 0;
        BigDecimal charged = BigDecimal.ZERO;
        for (int i = 0; i < to.size(); i++) {
            Metering.Reservation reservation = held.get(i);
            if (deliver(to.get(i), text)) {
                metering.capture(by.schoolId(), reservation.id());
                sent++;
                charged = charged.add(reservation.amount());
            } else {
                metering.release(by.schoolId(), reservation.id());
            }
        }
        return new Sent(sent, to.size() - sent, charged);
    }

    private static boolean deliver(String number, String text) {
        boolean delivered = !number.endsWith("999");
        LOG.info(() -> "minimal host: SMS of " + text.length() + " characters " + (delivered ? "sent" : "failed"));
        return delivered;
    }
}
