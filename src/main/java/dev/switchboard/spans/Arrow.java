package dev.switchboard.spans;

import dev.switchboard.trace.TraceEvent;

/**
 * One arrow of the sequence diagram: something left {@code from} at {@code startMs} and reached
 * {@code to} at {@code endMs} (or vanished then, when {@code mark} is {@link Mark.Kind#LOST}).
 * {@code event} is the trace event that sent it, for its narration line.
 */
public record Arrow(Kind kind, Lane from, Lane to, double startMs, double endMs, long orderId, Mark.Kind mark,
                    TraceEvent event) {

    /** What the arrow carries. */
    public enum Kind {
        ORDER_PLACED, ANSWER, DELIVERED, REQUEST, REPLY, TO_QUEUE, FROM_QUEUE, PUBLISH, FAN_OUT, ACK,
        /** A worker took a MealReady event from its subscription (the exports draw it; the live diagram draws the fan-out). */
        FROM_TOPIC
    }

    public Arrow withMark(Mark.Kind newMark) {
        return new Arrow(kind, from, to, startMs, endMs, orderId, newMark, event);
    }
}
