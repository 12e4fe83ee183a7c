package dev.switchboard.spans;

import dev.switchboard.trace.TraceEvent;

/**
 * A stretch of a lifeline: a worker blocked on a sync call ({@link Kind#BLOCKED}, on the caller's
 * lane), a message waiting in the broker queue ({@link Kind#QUEUED}), an order waiting for a delivery
 * agent ({@link Kind#AGENT_WAIT}) or out on its trip ({@link Kind#TRIP}, whose end is known when it
 * starts). {@code endMs} is NaN while it lasts.
 */
public record Bar(Kind kind, Lane lane, int worker, double startMs, double endMs, long orderId, TraceEvent event) {

    public enum Kind {
        BLOCKED, QUEUED, AGENT_WAIT, TRIP,
        /** A worker doing a task for the order (stock check, payment, cooking, dispatch): the callee's activation. */
        WORK
    }

    public boolean isOpen() {
        return Double.isNaN(endMs);
    }

    /** The end as of {@code nowMs}: a bar that lasts, or ends later, is drawn up to now. */
    public double endOr(double nowMs) {
        return isOpen() ? nowMs : Math.min(endMs, nowMs);
    }

    Bar closedAt(double timeMs) {
        return new Bar(kind, lane, worker, startMs, timeMs, orderId, event);
    }
}
