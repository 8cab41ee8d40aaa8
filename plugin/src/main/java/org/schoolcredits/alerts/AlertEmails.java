package org.schoolcredits.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.schoolcredits.allowance.AllowanceGranted;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.School;
import org.schoolcredits.host.SchoolDirectory;
import org.schoolcredits.ledger.Balance;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.CreditsClock;
import org.schoolcredits.purchases.PaymentSettled;
import org.schoolcredits.ledger.Forecast;
import org.schoolcredits.ledger.Ledger;
import org.schoolcredits.ledger.Spending;
import org.schoolcredits.ledger.TopUps;

/**
 * The e-mails the plugin sends a school's admins ({@link SchoolDirectory}'s {@code adminEmails}),
 * written when the events other capabilities own are observed ({@code PaymentSettled},
 * {@code AllowanceGranted}). Each method writes one outbox row per admin
 * <em>in the caller's transaction</em> (it must run inside one, and after the change it reports,
 * so that the balances it quotes are the new ones); nothing is sent before that transaction
 * commits, and nothing at all if it rolls back. {@link Delivery} sends the rows afterwards.
 * <p>
 * The payment methods are idempotent per purchase: calling one again for the same school, kind
 * and {@code purchaseId} (a webhook delivered five times) writes nothing more and returns 0.
 * Payment e-mails always go; low-balance warnings and allowance notices only while the school's
 * {@code emailAlerts} setting is on. Values are escaped in the HTML part, so a package or school
 * name is never markup.
 */
@ApplicationScoped
public class AlertEmails {

    static final String LOW_BALANCE = "low_balance";
    static final String PAYMENT_RECEIVED = "payment_received";
    static final String PAYMENT_CLEARED = "payment_cleared";
    static final String PAYMENT_FAILED = "payment_failed";
    static final String ALLOWANCE_ADDED = "allowance_added";

    private Outbox outbox;
    private SchoolDirectory schools;
    private Ledger ledger;
    private AlertSettingsRepository settings;
    private Spending spending;
    private TopUps topUps;
    private CreditsClock clock;

    protected AlertEmails() {
    }

    /** Without a forecast in the low-balance e-mail. */
    public AlertEmails(Outbox outbox, SchoolDirectory schools, Ledger ledger, AlertSettingsRepository settings) {
        this(outbox, schools, ledger, settings, null, null, null);
    }

    @Inject
    public AlertEmails(Outbox outbox, SchoolDirectory schools, Ledger ledger, AlertSettingsRepository settings,
                       Spending spending, TopUps topUps, CreditsClock clock) {
        this.outbox = outbox;
        this.schools = schools;
        this.ledger = ledger;
        this.settings = settings;
        this.spending = spending;
        this.topUps = topUps;
        this.clock = clock;
    }

    /**
     * Writes the e-mail a payment's outcome calls for, in the transaction that settled it (a
     * synchronous observer, phase {@code IN_PROGRESS}: the row commits or rolls back with the payment).
     */
    void paymentSettled(@Observes PaymentSettled notice) {
        switch (notice.outcome()) {
            case RECEIVED -> paymentReceived(notice.schoolId(), notice.purchaseId(), notice.packageName(),
                    notice.pence(), notice.receiptUrl());
            case CLEARED -> paymentCleared(notice.schoolId(), notice.purchaseId(), notice.packageName(),
                    notice.pence(), notice.method());
            case FAILED -> paymentFailed(notice.schoolId(), notice.purchaseId(), notice.packageName(),
                    notice.pence(), notice.method());
        }
    }

    /** Writes the e-mail of a new monthly allowance, in the grant's transaction (as {@link #paymentSettled}). */
    void allowanceGranted(@Observes AllowanceGranted grant) {
        allowanceAdded(grant.schoolId(), grant.month(), grant.amount(), grant.expiresAt());
    }

    /**
     * A card (or PayPal, or Bacs Direct Debit) payment arrived and its credits were added.
     *
     * @param purchaseId  the purchase; one such e-mail per purchase
     * @param packageName what was bought, as the school knows it, e.g. {@code Connect Medium (100 credits)}
     * @param pence       what was paid
     * @param receiptUrl  where the receipt is (Stripe's receipt page), or {@code null}
     * @return how many e-mails were written: one per admin, or 0 when written before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int paymentReceived(String schoolId, String purchaseId, String packageName, long pence, String receiptUrl) {
        return toAdmins(schoolId, PAYMENT_RECEIVED, PAYMENT_RECEIVED + ":" + purchaseId, school -> {
            Letter letter = new Letter()
                    .paragraph("Thank you: " + school.name() + " paid " + Letter.money(pence) + " for " + packageName
                            + ", and its credits are ready to use.");
            if (receiptUrl != null && !receiptUrl.isBlank()) {
                letter.link("Your receipt:", "View the receipt", receiptUrl);
            }
            return new Draft(balances(letter, school), "Payment received: " + packageName + ", " + Letter.money(pence));
        });
    }

    /**
     * A BACS transfer or cheque cleared and its pending credits became available.
     *
     * @param method {@code bacs} or {@code cheque} (shown as "BACS transfer" or "cheque")
     * @return how many e-mails were written: one per admin, or 0 when written before for this purchase
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int paymentCleared(String schoolId, String purchaseId, String packageName, long pence, String method) {
        String how = methodName(method);
        return toAdmins(schoolId, PAYMENT_CLEARED, PAYMENT_CLEARED + ":" + purchaseId, school -> new Draft(
                balances(new Letter().paragraph("The " + how + " of " + Letter.money(pence) + " from " + school.name()
                        + " for " + packageName + " has cleared: its credits are now ready to use."), school),
                capitalised(how) + " cleared: " + packageName + ", " + Letter.money(pence)));
    }

    /**
     * A payment failed: a BACS transfer or cheque did not clear, or a Bacs Direct Debit was refused;
     * any pending credits of the purchase are gone.
     *
     * @param method {@code card}, {@code bacs} or {@code cheque}
     * @return how many e-mails were written: one per admin, or 0 when written before for this purchase
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int paymentFailed(String schoolId, String purchaseId, String packageName, long pence, String method) {
        String how = methodName(method);
        return toAdmins(schoolId, PAYMENT_FAILED, PAYMENT_FAILED + ":" + purchaseId, school -> new Draft(
                balances(new Letter().paragraph("The " + how + " of " + Letter.money(pence) + " from " + school.name()
                        + " for " + packageName + " failed, so no credits were added."), school),
                "Payment failed: " + packageName + ", " + Letter.money(pence)));
    }

    /**
     * A Pro school's monthly Connect allowance arrived (only while alert e-mails are on).
     *
     * @param month     the allowance's month, e.g. {@code 2026-12}; one such e-mail per month
     * @param expiresAt when what is left of it expires
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int allowanceAdded(String schoolId, String month, Credits amount, Instant expiresAt) {
        if (!settings.of(schoolId).emailAlerts()) {
            return 0;
        }
        return toAdmins(schoolId, ALLOWANCE_ADDED, ALLOWANCE_ADDED + ":" + month, school -> new Draft(
                balances(new Letter().paragraph(school.name() + " has its " + Letter.credits(amount)
                        + " Connect credits for this month. They are spent before purchased credits, and what is"
                        + " left of them expires on " + Letter.date(expiresAt) + "."), school),
                "Your " + Letter.credits(amount) + " monthly Connect credits have arrived"));
    }

    /** The balance fell below the school's threshold (only while alert e-mails are on). */
    int lowBalance(String schoolId, CreditType type, Credits available, Credits threshold) {
        if (!settings.of(schoolId).emailAlerts()) {
            return 0;
        }
        String left = Letter.credits(available) + " " + typeName(type, available) + " left";
        return toAdmins(schoolId, LOW_BALANCE, null, school -> new Draft(forecast(new Letter()
                .paragraph(school.name() + " has " + left + ", below its low-balance level of "
                        + Letter.credits(threshold) + "."), school, type, available)
                .link("Top up before they run out:", "Buy credits", ledger.topUpUrl()),
                "Low balance: " + left + " at " + school.name()));
    }

    /** The letter with how long the balance lasts at the last weeks' rate, and a suggested top-up, when known. */
    private Letter forecast(Letter letter, School school, CreditType type, Credits available) {
        if (spending == null) {
            return letter;
        }
        List<Forecast.TopUp> packages = topUps.of(type);
        Optional<Forecast> forecast = spending.forecast(school.id(), type, available, school.timeZone(), clock.now(),
                packages);
        if (forecast.isEmpty()) {
            return letter;
        }
        long days = forecast.get().daysLeft();
        String text = "At this rate your " + (type == CreditType.LEARNER ? "learner" : "Connect") + " credits last about "
                + days + (days == 1 ? " day." : " days.");
        Optional<Forecast.TopUp> suggested = packages.stream()
                .filter(p -> p.id().equals(forecast.get().suggestedPackage())).findFirst();
        if (suggested.isPresent()) {
            text += " A top-up of " + Letter.credits(suggested.get().credits()) + " credits would see you through the"
                    + " next " + Forecast.COVER_DAYS + " days.";
        }
        return letter.paragraph(text);
    }

    private interface Compose {
        Draft draft(School school);
    }

    /** A letter with its subject, before the footer. */
    private record Draft(Letter letter, String subject) {
    }

    private int toAdmins(String schoolId, String kind, String dedupeKey, Compose compose) {
        Optional<School> found = schools.find(schoolId).filter(s -> !s.adminEmails().isEmpty());
        if (found.isEmpty()) {
            return 0;
        }
        School school = found.get();
        Draft draft = compose.draft(school); // once: the same letter goes to each admin
        Letter letter = draft.letter()
                .link("You get this e-mail as an administrator of " + school.name() + " in School Credits."
                        + " To change the low-balance levels or turn alert e-mails off, go to the credits settings:",
                        "Credits settings", ledger.topUpUrl());
        int written = 0;
        for (String admin : school.adminEmails()) {
            if (outbox.enqueue(schoolId, kind, dedupeKey, letter.to(admin, draft.subject()))) {
                written++;
            }
        }
        return written;
    }

    private Letter balances(Letter letter, School school) {
        return letter.paragraph("Your balances now: " + balance(school.id(), CreditType.LEARNER) + "; "
                + balance(school.id(), CreditType.CONNECT) + ".")
                .link("See them and buy credits at", "the credits page", ledger.topUpUrl());
    }

    private String balance(String schoolId, CreditType type) {
        Balance balance = ledger.balance(schoolId, type);
        String text = Letter.credits(balance.available()) + " " + typeName(type, balance.available());
        return balance.pending().isPositive() ? text + " (and " + Letter.credits(balance.pending()) + " pending)" : text;
    }

    private static String typeName(CreditType type, Credits amount) {
        String credits = amount.equals(Credits.of(1)) ? "credit" : "credits";
        return (type == CreditType.LEARNER ? "learner " : "Connect ") + credits;
    }

    private static String methodName(String method) {
        return switch (method == null ? "" : method.toLowerCase(Locale.ROOT)) {
            case "bacs" -> "BACS transfer";
            case "cheque" -> "cheque";
            case "card" -> "card payment";
            default -> "payment";
        };
    }

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
