package org.schoolcredits.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.MessageCredits;
import org.schoolcredits.host.MessageOutcome;
import org.schoolcredits.host.MessageSending;
import org.schoolcredits.host.Metering;
import org.schoolcredits.host.UnknownMessageException;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.metering.MeteringService;
import org.schoolcredits.storage.Jdbc;

/**
 * The host's messaging events. {@link MessageSending} holds every part of every message through
 * {@link MeteringService#reserveAll} (all or nothing; a school that has not enabled the plugin is
 * refused first) and records which hold pays for which recipient's part; {@link MessageOutcome}
 * locks the holds of the send's parts (the hold sweep skips locked holds), then captures what went and
 * releases what failed, skipping parts settled before. Both run in the host's transaction, or in their
 * own without one.
 */
@ApplicationScoped
public class Messages implements MessageCredits {

    public static final int MAX_TEXT = 200;

    private Jdbc db;
    private Ledger ledger;
    private MeteringService metering;

    protected Messages() {
    }

    @Inject
    public Messages(Jdbc db, Ledger ledger, MeteringService metering) {
        this.db = db;
        this.ledger = ledger;
        this.metering = metering;
    }

    @Transactional
    void sending(@Observes MessageSending event) {
        hold(event);
    }

    @Transactional
    void outcome(@Observes MessageOutcome event) {
        settle(event);
    }

    /** Holds the send's parts, all or none; see {@link MessageSending}. */
    @Transactional
    public void hold(MessageSending send) {
        String school = send.schoolId();
        if (send.by() == null || school == null || !school.equals(send.by().schoolId())) {
            throw new IllegalArgumentException("MessageSending: the school must be the sender's own");
        }
        String reference = text("reference", send.reference());
        Feature channel = metering.metered(metering.features().require("channel", send.channel()));
        List<String> recipients = new ArrayList<>();
        List<String> references = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MessageSending.Message message : send.messages()) {
            String recipient = text("recipient", message.recipient());
            if (!seen.add(recipient)) {
                throw new IllegalArgumentException("MessageSending: recipient " + recipient + " is named twice");
            }
            if (message.parts() < 1 || references.size() + message.parts() > MeteringService.MAX_QUANTITY) {
                throw new IllegalArgumentException("MessageSending: each message has at least 1 part, a send at most "
                        + MeteringService.MAX_QUANTITY);
            }
            for (int i = 0; i < message.parts(); i++) {
                recipients.add(recipient);
                references.add(reference + ":" + (references.size() + 1));
            }
        }
        if (references.isEmpty()) {
            throw new IllegalArgumentException("MessageSending: a send has at least one message");
        }
        if (db.one("select 1 from message_part where school_id = ? and channel = ? and reference = ? limit 1",
                rs -> true, school, channel.code(), reference).isPresent()) {
            throw new IllegalArgumentException("MessageSending: the " + channel + " send '" + reference
                    + "' was announced before; announce each send once");
        }
        List<Metering.Reservation> held = metering.reserveAll(send.by(), channel, references);
        for (int n = 0; n < held.size(); n++) {
            db.update("insert into message_part (school_id, channel, reference, recipient, part, hold_id)"
                    + " values (?, ?, ?, ?, ?, ?)", school, channel.code(), reference, recipients.get(n), n + 1,
                    UUID.fromString(held.get(n).id()));
        }
    }

    /** Captures what went and releases what failed, each part once; see {@link MessageOutcome}. */
    @Transactional
    public void settle(MessageOutcome outcome) {
        String school = outcome.schoolId();
        Map<String, List<Part>> parts = new LinkedHashMap<>();
        for (Part part : db.list("select m.recipient, m.hold_id, h.state from message_part m join hold h"
                        + " on h.school_id = m.school_id and h.hold_id = m.hold_id where m.school_id = ?"
                        + " and m.channel = ? and m.reference = ? order by m.recipient, m.part for update of h",
                rs -> new Part(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)), school,
                outcome.channel(), outcome.reference())) {
            parts.computeIfAbsent(part.recipient(), r -> new ArrayList<>()).add(part);
        }
        if (parts.isEmpty()) {
            throw unknown(outcome.schoolId(), outcome.channel(), outcome.reference());
        }
        Set<String> named = new HashSet<>();
        for (MessageOutcome.Delivery delivery : outcome.deliveries()) {
            if (!parts.containsKey(delivery.recipient()) || !named.add(delivery.recipient())) {
                throw new UnknownMessageException("The " + outcome.channel() + " send '" + outcome.reference()
                        + "' has no recipient " + delivery.recipient() + ", or the outcome names it twice");
            }
            if (delivery.failedParts() < 0) {
                throw new IllegalArgumentException("MessageOutcome: failedParts must be 0 or more");
            }
        }
        for (MessageOutcome.Delivery delivery : outcome.deliveries()) {
            List<Part> message = parts.get(delivery.recipient());
            int failed = Math.min(delivery.failedParts(), message.size());
            for (int i = 0; i < message.size(); i++) {
                Part part = message.get(i);
                if (!"held".equals(part.state())) {
                    continue;
                }
                if (i >= message.size() - failed) {
                    ledger.release(school, part.holdId(), Actor.SYSTEM);
                } else {
                    ledger.capture(school, part.holdId());
                }
            }
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Charges charges(String schoolId, String channel, String reference) {
        Map<String, long[]> byState = new LinkedHashMap<>();
        db.list("select h.state, count(*), sum(h.amount) from message_part m join hold h on h.school_id = m.school_id"
                        + " and h.hold_id = m.hold_id where m.school_id = ? and m.channel = ? and m.reference = ?"
                        + " group by h.state", rs -> byState.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}),
                schoolId, channel, reference);
        if (byState.isEmpty()) {
            throw unknown(schoolId, channel, reference);
        }
        long[] held = byState.getOrDefault("held", new long[2]);
        long[] charged = byState.getOrDefault("captured", new long[2]);
        long[] released = byState.getOrDefault("released", new long[2]);
        long[] expired = byState.getOrDefault("expired", new long[2]);
        return new Charges((int) held[0], new Credits(held[1]).toDecimal(), (int) charged[0],
                new Credits(charged[1]).toDecimal(), (int) (released[0] + expired[0]),
                new Credits(released[1] + expired[1]).toDecimal());
    }

    private static UnknownMessageException unknown(String schoolId, String channel, String reference) {
        return new UnknownMessageException("School " + schoolId + " announced no " + channel + " send '" + reference
                + "' (fire MessageSending first)");
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("MessageSending: the " + name + " must have 1 to " + MAX_TEXT
                    + " characters");
        }
        return value;
    }

    private record Part(String recipient, UUID holdId, String state) {
    }
}
