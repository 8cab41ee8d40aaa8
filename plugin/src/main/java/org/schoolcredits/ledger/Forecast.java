package org.schoolcredits.ledger;

import org.schoolcredits.kernel.Credits;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How long a balance lasts at the rate it was spent over the last {@value #WINDOW_DAYS} days, and
 * the smallest package that would make it last {@value #COVER_DAYS} days. There is a forecast only
 * with enough history: spending on at least {@value #MIN_SPENDING_DAYS} distinct days of the window.
 * Integer arithmetic on thousandths: the daily average is rounded down, the days left too.
 */
public record Forecast(long daysLeft, BigDecimal dailyAverage, String suggestedPackage) {

    public static final int WINDOW_DAYS = 28;
    public static final int MIN_SPENDING_DAYS = 3;
    public static final int COVER_DAYS = 30;

    /** A package one may buy, as the forecast needs it. */
    public record TopUp(String id, Credits credits) {
    }

    /**
     * The forecast for {@code available} credits after {@code spent} over the window, on
     * {@code spendingDays} distinct days; the suggested package is the smallest of {@code topUps}
     * that tops the balance up to {@value #COVER_DAYS} days' spending (the largest when none does),
     * or none when the balance already lasts that long.
     */
    public static Optional<Forecast> of(Credits spent, int spendingDays, Credits available, List<TopUp> topUps) {
        long daily = spent.millis() / WINDOW_DAYS;
        if (spendingDays < MIN_SPENDING_DAYS || daily <= 0) {
            return Optional.empty();
        }
        long shortfall = daily * COVER_DAYS - available.millis();
        String suggested = shortfall <= 0 ? null : topUps.stream()
                .sorted(Comparator.comparingLong((TopUp t) -> t.credits().millis()))
                .filter(t -> t.credits().millis() >= shortfall).findFirst()
                .or(() -> topUps.stream().max(Comparator.comparingLong((TopUp t) -> t.credits().millis())))
                .map(TopUp::id).orElse(null);
        return Optional.of(new Forecast(available.millis() / daily, new Credits(daily).toDecimal(), suggested));
    }
}
