package dev.switchboard.spans;

import dev.switchboard.trace.TraceEvent;

/**
 * A stretch of a lifeline: a worker blocked on a sync call ({@link Kind#BLOCKED}, on the caller's
 * lane) or a message waiting in the broker queue ({@link Kind#QUEUED}). {@code endMs} is NaN while
 * it lasts.
 */
public record Bar(Kind kind, Lane lane, int worker, double startMs, double endMs, long orderId, TraceEvent event) {

    public enum Kind {
        BLOCKED, QUEUED
    }

    public boolean isOpen() {
        return Double.isNaN(endMs);
    }

    /** The end, or {@code nowMs} while it lasts. */
    public double endOr(double nowMs) {
        return isOpen() ? nowMs : endMs;
    }

    Bar closedAt(double timeMs) {
        return new Bar(kind, lane, worker, startMs, timeMs, orderId, event);
    }
}
