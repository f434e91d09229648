package org.k12id.benchmarks.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's table: one row per figure, the small realm's value beside the state realm's, how it grew (state / small)
 * and the target, met or not. Targets compare either the state's value with a fixed limit ({@link #atMost},
 * {@link #atLeast}) or with the small realm's ({@link #withinOfSmall}).
 */
public final class StateReport {

    /** One figure; {@code met} null when it has no target. */
    public record Row(String figure, String unit, double small, double state, String target, Boolean met) {
        public double growth() {
            return small == 0 ? Double.NaN : state / small;
        }
    }

    private final String smallName;
    private final String stateName;
    private final List<Row> rows = new ArrayList<>();

    public StateReport(String smallName, String stateName) {
        this.smallName = smallName;
        this.stateName = stateName;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public void plain(String figure, String unit, double small, double state) {
        rows.add(new Row(figure, unit, small, state, "", null));
    }

    /** Met when the state's value is within {@code percent} above the small realm's. */
    public void withinOfSmall(String figure, String unit, double small, double state, double percent) {
        rows.add(new Row(figure, unit, small, state, String.format(Locale.ROOT, "within %.0f%% of the small realm", percent),
                state <= small * (1 + percent / 100)));
    }

    /** Met when both realms' values are at most {@code limit}. */
    public void atMost(String figure, String unit, double small, double state, double limit) {
        rows.add(new Row(figure, unit, small, state, String.format(Locale.ROOT, "under %s %s", number(limit), unit),
                small < limit && state < limit));
    }

    /** Met when both realms' values are at least {@code limit} (each may have its own, as the hashing limit). */
    public void atLeast(String figure, String unit, double small, double state, double smallLimit, double stateLimit,
                        String target) {
        rows.add(new Row(figure, unit, small, state, target, small >= smallLimit && state >= stateLimit));
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| figure | ").append(smallName).append(" | ").append(stateName)
                .append(" | state / small | target | met |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.figure()).append(" | ").append(number(r.small())).append(' ').append(r.unit())
                    .append(" | ").append(number(r.state())).append(' ').append(r.unit()).append(" | ")
                    .append(Double.isNaN(r.growth()) ? "-" : String.format(Locale.ROOT, "%.2f", r.growth()))
                    .append(" | ").append(r.target().isEmpty() ? "-" : r.target()).append(" | ")
                    .append(r.met() == null ? "-" : r.met() ? "yes" : "**no**").append(" |\n");
        }
        return md.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
