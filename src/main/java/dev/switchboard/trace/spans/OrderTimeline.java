package dev.switchboard.trace.spans;

import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.Outcome;

import java.util.ArrayList;
import java.util.List;

/**
 * The spans and marks of one order, as {@link OrderSpans} folded them from the trace. Span 0 is the
 * root (the whole order); the others nest under it by {@link Span#parent()}. Times that did not
 * happen are {@code NaN} and outcomes that did not happen are null.
 */
public record OrderTimeline(long orderId, double placedAtMs, double answeredAtMs, CustomerAnswer answer,
                            double finishedAtMs, Outcome outcome, List<Span> spans, List<SpanMark> marks) {

    public OrderTimeline {
        spans = List.copyOf(spans);
        marks = List.copyOf(marks);
    }

    public Span root() {
        return spans.get(0);
    }

    /** The spans directly under {@code parent}, in the order they opened. */
    public List<Span> children(int parent) {
        List<Span> result = new ArrayList<>();
        for (Span span : spans) {
            if (span.parent() == parent) {
                result.add(span);
            }
        }
        return result;
    }

    /** From placing to the customer's answer, as the report's {@code acceptLatencyMs} counts it; NaN if none. */
    public double acceptLatencyMs() {
        return answeredAtMs - placedAtMs;
    }

    /** From placing to the hand-over, as the report's {@code deliveryLatencyMs} counts it; NaN unless delivered. */
    public double deliveryLatencyMs() {
        return outcome == Outcome.DELIVERED ? finishedAtMs - placedAtMs : Double.NaN;
    }
}
