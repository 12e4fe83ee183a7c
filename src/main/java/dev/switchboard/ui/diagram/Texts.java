package dev.switchboard.ui.diagram;

import dev.switchboard.trace.Numbers;

import dev.switchboard.model.Task;

import java.util.Locale;

/** Short texts the diagram's small labels share: durations, percentages, task words. */
final class Texts {

    private Texts() {
    }

    /** "820 ms" under a second, "1.2 s" up to a minute, "3 min" beyond. */
    static String duration(double ms) {
        return Numbers.duration(ms);
    }

    /** A countdown short enough for a worker slot: "0.7s", "12.3s", "95s". */
    static String shortDuration(double ms) {
        return Numbers.shortDuration(ms);
    }

    static String percent(double rate) {
        return Numbers.percent(rate);
    }

    static String factor(double f) {
        return Numbers.factor(f);
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
