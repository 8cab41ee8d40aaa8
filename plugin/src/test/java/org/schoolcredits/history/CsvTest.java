package org.schoolcredits.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    private static HistoryRow row(String initiatedBy, String reference, String amount) {
        return new HistoryRow("42", AT, "connect", "usage", "SMS", "SMS", new BigDecimal(amount),
                new BigDecimal("99.4"), "success", initiatedBy, reference);
    }

    @Test
    @DisplayName("a line is the row's cells in the header's order, an empty cell for null, CRLF at the end")
    void line() {
        assertEquals("42,2026-12-01T09:30Z,connect,usage,SMS,-0.6,99.4,success,Ann Admin,\r\n",
                Csv.line(row("Ann Admin", null, "-0.6")));
    }

    @Test
    @DisplayName("a cell a spreadsheet would run as a formula is defused; a negative number is left a number")
    void formulas() {
        assertEquals("42,2026-12-01T09:30Z,connect,usage,SMS,-12,99.4,success,'@SUM(A1),'-cmd|x\r\n",
                Csv.line(row("@SUM(A1)", "-cmd|x", "-12")));
        assertEquals("'=1+1", Csv.line(row("=1+1", null, "1")).split(",")[8]);
        assertEquals("'+44", Csv.line(row("+44", null, "1")).split(",")[8]);
    }

    @Test
    @DisplayName("a cell with a comma, a quote or a line break is quoted, its quotes doubled")
    void quoting() {
        assertEquals("\"Smith, \"\"Jo\"\"\",\"a\nb\"\r\n",
                Csv.line(row("Smith, \"Jo\"", "a\nb", "1")).substring("42,2026-12-01T09:30Z,connect,usage,SMS,1,99.4,success,".length()));
        assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n",
                Csv.line(row(null, "=HYPERLINK(\"x\",\"y\")", "1")).substring("42,2026-12-01T09:30Z,connect,usage,SMS,1,99.4,success,,".length()));
    }
}
