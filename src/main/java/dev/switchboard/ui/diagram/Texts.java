package dev.switchboard.ui.diagram;

import dev.switchboard.model.Task;

import java.util.Locale;

/** Short texts the diagram's small labels share: durations, percentages, task words. */
final class Texts {

    private Texts() {
    }

    /** "820 ms" under a second, "1.2 s" up to a minute, "3 min" beyond. */
    static String duration(double ms) {
        if (ms < 1000) {
            return Math.round(ms) + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return Math.round(ms / 60_000) + " min";
    }

    /** A countdown short enough for a worker slot: "0.7s", "12.3s", "95s". */
    static String shortDuration(double ms) {
        double s = ms / 1000;
        return s < 100 ? String.format(Locale.ROOT, "%.1fs", s) : Math.round(s) + "s";
    }

    static String percent(double rate) {
        double p = rate * 100;
        return p == Math.rint(p) ? (long) p + "%" : String.format(Locale.ROOT, "%.1f%%", p);
    }

    static String factor(double f) {
        return f == Math.rint(f) ? "×" + (long) f : String.format(Locale.ROOT, "×%.1f", f);
    }

    /** One or two words for a worker slot. */
    static String taskWord(Task task) {
        return switch (task) {
            case TAKE_PAYMENT -> "payment";
            case CHECK_STOCK -> "stock check";
            case COOK -> "cooking";
            case DISPATCH -> "dispatching";
        };
    }

    static String order(long orderId) {
        return "#" + orderId;
    }
}
