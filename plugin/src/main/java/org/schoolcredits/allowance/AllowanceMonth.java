package org.schoolcredits.allowance;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** A calendar month in Europe/London: the allowance's period, whatever British Summer Time does. */
public record AllowanceMonth(YearMonth month) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public static AllowanceMonth containing(Instant instant) {
        return new AllowanceMonth(YearMonth.from(instant.atZone(LONDON)));
    }

    /** The lot reference, e.g. {@code 2026-11}: one allowance per school and month. */
    public String reference() {
        return month.toString();
    }

    public Instant start() {
        return month.atDay(1).atStartOfDay(LONDON).toInstant();
    }

    /** When the allowance expires: the start of the next month. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(LONDON).toInstant();
    }
}
