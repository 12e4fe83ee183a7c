package dev.switchboard.trace.spans;

import dev.switchboard.model.ServiceId;

/**
 * A moment in an order's life worth marking on its spans: a timeout, a loss, a retry, a
 * redelivery, a dead letter, a refusal, a fallback. {@code span} is the index of the span it
 * happened in (the innermost open one on that service, else the root).
 */
public record SpanMark(long orderId, int span, double timeMs, ServiceId service, String name, String detail) {
}
