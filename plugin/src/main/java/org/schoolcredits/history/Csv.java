package org.schoolcredits.history;

import java.util.regex.Pattern;

/** The history as CSV (RFC 4180), with cells that a spreadsheet would run as a formula defused. */
final class Csv {

    static final String HEADER = "id,at,creditType,kind,feature,amount,balanceAfter,status,initiatedBy,reference\r\n";

    /** A signed number: a cell that starts with {@code -} and is one is not a formula. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Csv() {
    }

    static String line(HistoryRow row) {
        StringBuilder line = new StringBuilder(160);
        cell(line, row.id());
        cell(line.append(','), row.at().toString());
        cell(line.append(','), row.creditType());
        cell(line.append(','), row.kind());
        cell(line.append(','), row.feature());
        cell(line.append(','), row.amount().toPlainString());
        cell(line.append(','), row.balanceAfter().toPlainString());
        cell(line.append(','), row.status());
        cell(line.append(','), row.initiatedBy());
        cell(line.append(','), row.reference());
        return line.append("\r\n").toString();
    }

    private static StringBuilder cell(StringBuilder line, String value) {
        if (value == null) {
            return line;
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()
                ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? line.append('"').append(text.replace("\"", "\"\"")).append('"') : line.append(text);
    }
}
