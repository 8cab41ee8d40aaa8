package org.schoolcredits.history;

/** The history as CSV (RFC 4180), with cells that a spreadsheet would run as a formula defused. */
final class Csv {

    static final String HEADER = "id,at,creditType,kind,feature,amount,balanceAfter,status,initiatedBy,reference\r\n";

    private Csv() {
    }

    static String line(HistoryRow row) {
        return String.join(",", cell(row.id()), cell(row.at().toString()), cell(row.creditType()), cell(row.kind()),
                cell(row.feature()), cell(row.amount().toPlainString()), cell(row.balanceAfter().toPlainString()),
                cell(row.status()), cell(row.initiatedBy()), cell(row.reference())) + "\r\n";
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }
}
