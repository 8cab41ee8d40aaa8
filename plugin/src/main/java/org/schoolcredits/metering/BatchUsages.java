package org.schoolcredits.metering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.schoolcredits.catalog.Price;
import org.schoolcredits.catalog.PriceList;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.Hold;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.Operation;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.storage.Jdbc;

/**
 * Charges a {@link UsageBatch} in one transaction, the school's balance row locked once before
 * any hold. Every item is decided before the ledger is asked, so that no refusal is thrown
 * inside the transaction (a thrown refusal would roll back the items that fit); the items that fit
 * are then written by one ledger statement ({@link Ledger#reserveAll}).
 */
@ApplicationScoped
public class BatchUsages {

    private static final CreditType TYPE = CreditType.CONNECT;

    private MeteringService metering;
    private Ledger ledger;
    private PriceList prices;
    private CreditsClock clock;
    private Jdbc db;

    protected BatchUsages() {
    }

    @Inject
    public BatchUsages(MeteringService metering, Ledger ledger, PriceList prices, CreditsClock clock, Jdbc db) {
        this.metering = metering;
        this.ledger = ledger;
        this.prices = prices;
        this.clock = clock;
        this.db = db;
    }

    /**
     * Holds (or, with {@code capture}, charges) each item in order. Atomic: every item or none
     * (402 for the whole batch, 409 when a reference was charged before). Otherwise each item on
     * its own: one that does not fit, or whose reference was charged before, gets its own outcome.
     */
    @Transactional
    public UsageBatch.Answer charge(Caller by, UsageBatch batch) {
        String school = by.schoolId();
        metering.requireEnabled(school);
        Map<String, Price> inForce = new HashMap<>();
        List<Credits> amounts = new ArrayList<>();
        Credits required = Credits.ZERO;
        for (UsageBatch.Item item : batch.items()) {
            Feature feature = metering.metered(item.feature());
            Price price = inForce.computeIfAbsent(feature.code(), code -> prices.inForce(feature));
            amounts.add(price.credits().times(item.quantity()));
            required = required.plus(amounts.get(amounts.size() - 1));
        }
        // the balance row stays locked until the commit: no other spend comes between these checks and the holds
        Credits available = ledger.lockBalance(school, TYPE).minus(expiredUnseen(school));
        Set<String> used = usedReferences(school, batch.items());
        if (batch.atomic()) {
            if (!used.isEmpty()) {
                throw new CreditsException(ProblemCode.REFERENCE_ALREADY_USED,
                        "The action '" + used.iterator().next().split("\n", 2)[1] + "' was charged before");
            }
            if (available.compareTo(required) < 0) {
                throw new InsufficientCreditsException(TYPE, required.toDecimal(), available.toDecimal(),
                        ledger.balance(school, TYPE).pending().toDecimal(), ledger.topUpUrl());
            }
        }
        Instant expiresAt = metering.holdExpiry();
        Actor actor = Actor.of(by);
        List<Operation.Reserve> charged = new ArrayList<>();
        String[] refusals = new String[batch.items().size()];
        for (int i = 0; i < refusals.length; i++) {
            UsageBatch.Item item = batch.items().get(i);
            Credits amount = amounts.get(i);
            refusals[i] = used.contains(key(item)) ? ProblemCode.REFERENCE_ALREADY_USED.code()
                    : available.compareTo(amount) < 0 ? ProblemCode.INSUFFICIENT_CREDITS.code() : null;
            if (refusals[i] == null) {
                Price price = inForce.get(item.feature().code());
                charged.add(new Operation.Reserve(school, item.feature(), item.quantity(), price.credits(),
                        price.version(), item.reference(), expiresAt, actor, batch.capture()));
                available = available.minus(amount);
            }
        }
        // every item that fits in one statement, each with its own hold and entry, as one reserve after the other
        Iterator<Hold> holds = ledger.reserveAll(charged).iterator();
        List<UsageBatch.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < refusals.length; i++) {
            String reference = batch.items().get(i).reference();
            BigDecimal amount = amounts.get(i).toDecimal();
            if (refusals[i] != null) {
                outcomes.add(new UsageBatch.Outcome(reference, refusals[i], null, amount, null));
                continue;
            }
            Hold hold = holds.next();
            outcomes.add(new UsageBatch.Outcome(reference, batch.capture() ? "captured" : "held", hold.id().toString(),
                    amount, batch.capture() ? null : hold.expiresAt().atOffset(ZoneOffset.UTC)));
        }
        int refused = outcomes.size() - charged.size();
        return new UsageBatch.Answer(outcomes, charged.size(), refused);
    }

    /** What the lots past their expiry but not yet written off still count in the balance: a spend writes them off first. */
    private Credits expiredUnseen(String school) {
        return new Credits(db.one("select coalesce(sum(remaining), 0) from lot where school_id = ? and credit_type = ?"
                + " and state = 'available' and expires_at <= ?", rs -> rs.getLong(1), school, TYPE.code(), clock.now())
                .orElse(0L));
    }

    /** The items' feature and reference pairs already charged (index {@code hold_reference}). */
    private Set<String> usedReferences(String school, List<UsageBatch.Item> items) {
        List<Object> args = new ArrayList<>(List.of(school));
        items.stream().filter(item -> item.reference() != null).forEach(item -> args.add(item.reference()));
        if (args.size() == 1) {
            return Set.of();
        }
        Set<String> asked = new HashSet<>();
        items.forEach(item -> asked.add(key(item)));
        Set<String> used = new HashSet<>(db.list("select feature, reference from hold where school_id = ?"
                + " and reference in (" + String.join(", ", Collections.nCopies(args.size() - 1, "?")) + ")",
                rs -> rs.getString(1) + "\n" + rs.getString(2), args.toArray()));
        used.retainAll(asked);
        return used;
    }

    private static String key(UsageBatch.Item item) {
        return item.reference() == null ? null : item.feature().code() + "\n" + item.reference();
    }
}
