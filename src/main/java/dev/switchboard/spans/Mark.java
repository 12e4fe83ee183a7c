package dev.switchboard.spans;

import dev.switchboard.trace.TraceEvent;

/** A point on a lifeline where something went wrong or was tried again: a timeout, a retry, a redelivery. */
public record Mark(Kind kind, Lane lane, double timeMs, long orderId, TraceEvent event) {

    /** What happened at the mark; also used on arrows ({@link #NONE} for a plain one). */
    public enum Kind {
        NONE("", ""),
        LOST("lost", "✕"),
        TIMEOUT("timeout", "⏱"),
        RETRY("retry", "↻"),
        REDELIVERY("redelivered", "↺"),
        REJECTED("rejected", "⊘"),
        LATE("late reply", "…"),
        DEAD_LETTER("dead-lettered", "☠"),
        MISSED("event missed", "∅"),
        DUPLICATE("duplicate", "2×"),
        /** The order's fate when the customer was not told it (lost, dead-lettered); the exports note it, the live diagram has the loss or dead letter already. */
        FATE("fate", "■");

        private final String label;
        private final String symbol;

        Kind(String label, String symbol) {
            this.label = label;
            this.symbol = symbol;
        }

        public String label() {
            return label;
        }

        public String symbol() {
            return symbol;
        }
    }
}
