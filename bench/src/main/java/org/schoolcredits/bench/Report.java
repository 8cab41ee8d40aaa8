package org.schoolcredits.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures, each beside its reference and target, printed and written as Markdown and JSON. */
final class Report {

    /** One figure; {@code reference} and {@code target} may be NaN when there is none. */
    record Row(String what, String unit, double value, String referenceName, double reference, String target,
               Boolean met, String load) {

        double ratio() {
            return reference > 0 ? value / reference : Double.NaN;
        }
    }

    private final List<String> machine = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void machine(String line) {
        machine.add(line);
        System.out.println("  " + line);
    }

    void note(String line) {
        notes.add(line);
        System.out.println("  note: " + line);
    }

    void add(String what, String unit, double value, String referenceName, double reference, String target,
             Boolean met) {
        Row row = new Row(what, unit, value, referenceName, reference, target, met, Machine.loadAverage());
        rows.add(row);
        System.out.println("  " + what + ": " + number(value) + " " + unit
                + (reference > 0 ? "  (" + referenceName + " " + number(reference) + ", ratio "
                + number(row.ratio()) + ")" : "") + (met == null ? "" : met ? "  target met" : "  TARGET MISSED"));
    }

    /** A rate and the three latencies of a run, against a pgbench run. */
    void load(Load.Result run, Load.Result reference, double minimumRatio) {
        double ratio = run.rate() / reference.rate();
        add(run.name() + ": deductions per second", "/s", run.rate(), reference.name(), reference.rate(),
                "≥ " + minimumRatio + " ×", ratio >= minimumRatio);
        for (double percentile : new double[] {50, 99, 99.9}) {
            add(run.name() + ": p" + percentile(percentile) + " latency", "ms", run.ms(percentile), reference.name(),
                    reference.ms(percentile), "", null);
        }
    }

    /** The row {@code batch}: usages per second through the batch endpoint, against TPC-B (issue 19: ≥ 2 ×). */
    void batch(Load.Result run, int size, Load.Result reference) {
        double usages = run.rate() * size;
        add("batch", "/s", usages, reference == null ? "" : reference.name(),
                reference == null ? Double.NaN : reference.rate(), "≥ 2.0 ×",
                reference == null ? null : usages / reference.rate() >= 2.0);
        add(run.name() + ": requests per second", "/s", run.rate(), "", Double.NaN, "", null);
        for (double percentile : new double[] {50, 99, 99.9}) {
            add(run.name() + ": p" + percentile(percentile) + " latency", "ms", run.ms(percentile), "", Double.NaN, "",
                    null);
        }
    }

    /**
     * A row {@code what} (issue 19's {@code half}: < 10 ms): the p99 latency of an open loop at a
     * fixed arrival rate of half a closed loop's peak, then the rate achieved against the rate
     * intended, the p50 and the maximum.
     */
    void half(String what, Load.Result run, double intended) {
        add(what, "ms", run.ms(99), "", Double.NaN, "< 10 ms", run.ms(99) < 10);
        add(run.name() + ": deductions per second achieved", "/s", run.rate(), "intended", intended, "", null);
        add(run.name() + ": p50 latency", "ms", run.ms(50), "", Double.NaN, "", null);
        add(run.name() + ": max latency", "ms", run.latency().getMaxValue() / 1000.0, "", Double.NaN, "", null);
    }

    void reference(Load.Result run) {
        add(run.name() + ": transactions per second", "/s", run.rate(), "", Double.NaN, "", null);
        for (double percentile : new double[] {50, 99, 99.9}) {
            add(run.name() + ": p" + percentile(percentile) + " latency", "ms", run.ms(percentile), "", Double.NaN, "",
                    null);
        }
    }

    void write(Path markdown, Path json) throws IOException {
        StringBuilder md = new StringBuilder("# School Credits benchmark results\n\n");
        machine.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n| measurement | result | reference | ratio | target | met | load avg (1/5/15 min) |\n")
                .append("|---|---:|---|---:|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.what()).append(" | ").append(number(row.value())).append(' ').append(row.unit())
                    .append(" | ").append(row.reference() > 0 ? row.referenceName() + " " + number(row.reference())
                            + " " + row.unit() : "")
                    .append(" | ").append(row.reference() > 0 ? number(row.ratio()) : "")
                    .append(" | ").append(row.target())
                    .append(" | ").append(row.met() == null ? "" : row.met() ? "yes" : "**no**")
                    .append(" | ").append(row.load()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        Files.writeString(markdown, md);
        StringBuilder js = new StringBuilder("{\n  \"machine\": [");
        for (int i = 0; i < machine.size(); i++) {
            js.append(i == 0 ? "" : ", ").append(quote(machine.get(i)));
        }
        js.append("],\n  \"results\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            js.append("    {\"what\": ").append(quote(row.what())).append(", \"value\": ").append(json(row.value()))
                    .append(", \"unit\": ").append(quote(row.unit()))
                    .append(", \"reference\": ").append(quote(row.referenceName()))
                    .append(", \"referenceValue\": ").append(json(row.reference()))
                    .append(", \"ratio\": ").append(json(row.ratio()))
                    .append(", \"target\": ").append(quote(row.target()))
                    .append(", \"met\": ").append(row.met())
                    .append(", \"loadAverage\": ").append(quote(row.load())).append('}')
                    .append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        js.append("  ],\n  \"notes\": [");
        for (int i = 0; i < notes.size(); i++) {
            js.append(i == 0 ? "" : ", ").append(quote(notes.get(i)));
        }
        Files.writeString(json, js.append("]\n}\n"));
    }

    private static String percentile(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        double abs = Math.abs(value);
        return String.format(Locale.ROOT, abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String json(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
