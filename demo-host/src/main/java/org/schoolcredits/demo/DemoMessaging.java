package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.Metering;

/**
 * The demo MIS's paid features, charged the way a real MIS would through the plugin's metering
 * API: hold the credits first (all messages of a bulk send at once, or none), do the action,
 * then capture on success or release on failure. Each call is its own transaction, so a crash
 * mid-way leaves holds that the plugin releases by itself.
 */
@ApplicationScoped
public class DemoMessaging {

    public record SmsResult(int sent, int failed, BigDecimal credits) {
    }

    @Inject
    Metering metering;

    @Inject
    DemoGateways gateways;

    public SmsResult sendSms(Caller by, List<String> to, String text) {
        String batch = UUID.randomUUID().toString();
        List<String> references = new java.util.ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            references.add("sms:" + batch + ":" + i);
        }
        List<Metering.Reservation> held = metering.reserveAll(by, Feature.SMS, references);
        int sent = 0;
        BigDecimal charged = BigDecimal.ZERO;
        for (int i = 0; i < to.size(); i++) {
            Metering.Reservation reservation = held.get(i);
            if (gateways.sendSms(to.get(i), text)) {
                metering.capture(by.schoolId(), reservation.id());
                sent++;
                charged = charged.add(reservation.amount());
            } else {
                metering.release(by.schoolId(), reservation.id());
            }
        }
        return new SmsResult(sent, to.size() - sent, charged);
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
