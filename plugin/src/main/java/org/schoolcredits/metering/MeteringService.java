package org.schoolcredits.metering;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.schoolcredits.catalog.Features;
import org.schoolcredits.catalog.Price;
import org.schoolcredits.catalog.PriceList;
import org.schoolcredits.host.Caller;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.Metering;
import org.schoolcredits.host.SchoolNotEnabledException;
import org.schoolcredits.kernel.Actor;
import org.schoolcredits.ledger.Balance;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.ledger.GroupCommit;
import org.schoolcredits.ledger.Hold;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.Operation;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.rest.EnabledSchools;

/**
 * The host's metering API: holds at the price in force, settled once; nothing for a school that
 * has not enabled the plugin ({@link SchoolNotEnabledException}).
 */
@ApplicationScoped
public class MeteringService implements Metering {

    public static final long MAX_QUANTITY = 10_000;

    private Ledger ledger;
    private PriceList prices;
    private CreditsClock clock;
    private Duration holdTimeout;
    private EnabledSchools enabled;
    private GroupCommit group;

    protected MeteringService() {
    }

    @Inject
    @ConfigProperties
    MeteringConfig config;

    @Inject
    public MeteringService(Ledger ledger, PriceList prices, CreditsClock clock, EnabledSchools enabled, GroupCommit group) {
        this.ledger = ledger;
        this.prices = prices;
        this.clock = clock;
        this.enabled = enabled;
        this.group = group;
    }

    @PostConstruct
    void configure() {
        this.holdTimeout = config.timeout;
    }

    /** Outside a container: reserves and captures in the caller's transaction. */
    public MeteringService(Ledger ledger, PriceList prices, CreditsClock clock, Duration holdTimeout) {
        this(ledger, prices, clock, holdTimeout, null);
    }

    /** Outside a container, with a group commit for calls made outside a transaction. */
    public MeteringService(Ledger ledger, PriceList prices, CreditsClock clock, Duration holdTimeout,
                           GroupCommit group) {
        this(ledger, prices, clock, new EnabledSchools(ledger), group);
        this.holdTimeout = holdTimeout;
    }

    @Override
    public boolean isEnabled(String schoolId) {
        return enabled.isEnabled(schoolId);
    }

    /**
     * Holds the price in force. Inside a transaction (the host's) the hold is made there; otherwise
     * it goes through {@link GroupCommit}, together with whatever reserves and captures arrive with it.
     */
    @Override
    public Reservation reserve(Caller by, Feature asked, long quantity, String reference) {
        return view(apply(reserving(by, asked, quantity, reference, false)));
    }

    /**
     * Reserves and captures in one transaction: for an action that cannot fail after the fact
     * (the one-call charge of {@code POST /usages} with {@code "capture": true}).
     */
    public Reservation charge(Caller by, Feature asked, long quantity, String reference) {
        return view(apply(reserving(by, asked, quantity, reference, true)));
    }

    private Operation.Reserve reserving(Caller by, Feature asked, long quantity, String reference, boolean capture) {
        requireEnabled(by.schoolId());
        Feature feature = metered(asked);
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw CreditsException.invalidField("quantity", "'quantity' must be a whole number from 1 to " + MAX_QUANTITY);
        }
        Price price = prices.inForce(feature);
        return new Operation.Reserve(by.schoolId(), feature, quantity, price.credits(), price.version(), reference,
                holdExpiry(), Actor.of(by), capture);
    }

    /** In the caller's transaction, or through the group commit (none outside a container: the caller's, then). */
    private Hold apply(Operation operation) {
        return group == null ? ledger.apply(operation) : group.apply(operation);
    }

    /**
     * All or nothing, in one ledger statement ({@link Ledger#reserveAll}): when the balance cannot cover
     * every action, it refuses them all (402) and nothing is held.
     */
    @Override
    @Transactional
    public List<Reservation> reserveAll(Caller by, Feature asked, List<String> references) {
        requireEnabled(by.schoolId());
        Feature feature = metered(asked);
        Price price = prices.inForce(feature);
        Instant expiresAt = clock.now().plus(holdTimeout);
        List<Operation.Reserve> usages = new ArrayList<>();
        for (String reference : references) {
            usages.add(new Operation.Reserve(by.schoolId(), feature, 1, price.credits(), price.version(), reference,
                    expiresAt, Actor.of(by), false));
        }
        return ledger.reserveAll(usages).stream().map(MeteringService::view).toList();
    }

    /** Captures as {@link #reserve} holds: in the caller's transaction, or through {@link GroupCommit}. */
    @Override
    public void capture(String schoolId, String reservationId) {
        apply(new Operation.Capture(schoolId, id(reservationId)));
    }

    @Override
    @Transactional
    public void release(String schoolId, String reservationId) {
        ledger.release(schoolId, id(reservationId), Actor.SYSTEM);
    }

    /** Releases for a member of staff, who is then named in the history's refund row. */
    @Transactional
    public void release(Caller by, String reservationId) {
        ledger.release(by.schoolId(), id(reservationId), Actor.of(by));
    }

    /** Releases holds past their time; returns how many. */
    @Transactional
    public int releaseExpired() {
        return ledger.expireHolds(500);
    }

    /** When a hold made now expires. */
    Instant holdExpiry() {
        return clock.now().plus(holdTimeout);
    }

    void requireEnabled(String schoolId) {
        if (schoolId == null || !enabled.isEnabled(schoolId)) {
            throw new SchoolNotEnabledException(schoolId);
        }
    }

    /** The registered features, any of which a Connect one may be metered. */
    public Features features() {
        return prices.features();
    }

    /** The registered feature of this code, if it spends Connect credits; otherwise a 400 naming {@code feature}. */
    public Feature metered(Feature asked) {
        Feature feature = features().require("feature", asked.code());
        if (feature.creditType() != CreditType.CONNECT) {
            throw CreditsException.invalidField("feature", feature + " is not charged through usages");
        }
        return feature;
    }

    private static UUID id(String reservationId) {
        try {
            return UUID.fromString(reservationId);
        } catch (IllegalArgumentException e) {
            throw CreditsException.notFound("The usage");
        }
    }

    static Reservation view(Hold hold) {
        return new Reservation(hold.id().toString(), hold.amount().toDecimal(),
                hold.expiresAt().atOffset(ZoneOffset.UTC));
    }
}
