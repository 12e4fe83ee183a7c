package dev.switchboard.compare;

import dev.switchboard.trace.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison in one line of plain words: the right side against the left, the most telling
 * differences first ("customers were told in 66 ms instead of 2.4 s (p50 acceptance)"). Figures
 * that are equal or within the noise of one seed are left out; when every figure is, the line says
 * so instead of inventing a winner.
 */
public final class Verdict {
    /** More clauses would no longer be one line; the table has the rest. */
    static final int MAX_CLAUSES = 3;

    /** The order in which differences are worth telling. */
    private static final List<CompareFigure> PRIORITY = List.of(CompareFigure.ACCEPT_P50_MS,
            CompareFigure.ORDER_BLOCKED_MOST, CompareFigure.ORDER_BLOCKED_MS, CompareFigure.DELIVERY_P50_MS,
            CompareFigure.FAILED, CompareFigure.LOST, CompareFigure.REJECTED, CompareFigure.THROUGHPUT_PER_S,
            CompareFigure.ACCEPT_P95_MS, CompareFigure.DELIVERY_P95_MS, CompareFigure.ORDER_BLOCKED_NOW);

    private Verdict() {
    }

    public static String of(FigureTable table, String leftLabel, String rightLabel) {
        if (table.identical()) {
            return "Both sides came out the same: every figure is identical, so the difference between "
                    + rightLabel + " and " + leftLabel + " changed nothing that these figures show.";
        }
        List<String> clauses = new ArrayList<>();
        int more = 0;
        for (CompareFigure figure : PRIORITY) {
            FigureTable.Row row = table.row(figure);
            // one clause about blocked Order workers is enough: the worst moment, else the time in all
            boolean toldBlocking = figure == CompareFigure.ORDER_BLOCKED_MS
                    && !table.row(CompareFigure.ORDER_BLOCKED_MOST).aboutTheSame();
            if (row.aboutTheSame() || toldBlocking) {
                continue;
            }
            if (clauses.size() < MAX_CLAUSES) {
                clauses.add(clause(row));
            } else {
                more++;
            }
        }
        if (clauses.isEmpty()) {
            return String.format(Locale.ROOT, "Both sides about the same: no figure differs by more than %s (times and"
                    + " rates) or %d (counts), which one seed cannot tell from chance; try other seeds.",
                    Numbers.percent(CompareFigure.NOISE_SHARE), CompareFigure.NOISE_COUNT);
        }
        String text = "With " + rightLabel + " (right) instead of " + leftLabel + " (left): " + String.join("; ", clauses);
        return text + (more > 0 ? " (and " + more + " more difference" + (more == 1 ? "" : "s") + " in the table)." : ".");
    }

    private static String clause(FigureTable.Row row) {
        double l = row.left();
        double r = row.right();
        return switch (row.figure()) {
            case ACCEPT_P50_MS -> "customers were told in " + time(r) + " instead of " + time(l) + " (p50 acceptance)";
            case ACCEPT_P95_MS -> "the slowest 5% of customers waited " + time(r) + " or more instead of " + time(l)
                    + " (p95 acceptance)";
            case DELIVERY_P50_MS -> "half the orders were delivered within " + time(r) + " instead of " + time(l)
                    + " (p50 delivery)";
            case DELIVERY_P95_MS -> "the slowest 5% of deliveries took " + time(r) + " or more instead of " + time(l)
                    + " (p95 delivery)";
            case ORDER_BLOCKED_MOST -> workers(r) + (r <= 1 ? " was" : " were") + " blocked at the worst moment instead of "
                    + count(l);
            case ORDER_BLOCKED_NOW -> workers(r) + (r <= 1 ? " is" : " are") + " blocked now instead of " + count(l);
            case ORDER_BLOCKED_MS -> "Order workers spent " + time(r) + " blocked in all instead of " + time(l);
            case FAILED -> orders(r) + " failed instead of " + count(l);
            case LOST -> orders(r) + (r <= 1 ? " was" : " were") + " lost instead of " + count(l);
            case REJECTED -> orders(r) + (r <= 1 ? " was" : " were") + " rejected instead of " + count(l);
            case THROUGHPUT_PER_S -> Numbers.number(r, 2) + " orders were delivered per second instead of "
                    + Numbers.number(l, 2);
        };
    }

    private static String time(double ms) {
        return Numbers.duration(ms);
    }

    private static String count(double n) {
        return n == 0 ? "none" : Numbers.number(n, 0);
    }

    private static String workers(double n) {
        return n == 0 ? "no Order worker" : Numbers.number(n, 0) + " Order worker" + (n == 1 ? "" : "s");
    }

    private static String orders(double n) {
        return n == 0 ? "no order" : Numbers.number(n, 0) + " order" + (n == 1 ? "" : "s");
    }
}
