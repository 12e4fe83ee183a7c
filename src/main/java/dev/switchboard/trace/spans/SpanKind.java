package dev.switchboard.trace.spans;

/** What a span of an order's life is. */
public enum SpanKind {
    /** The whole order, from placing to its bucket (or the end of the run). */
    ORDER,
    /** An item waited in a service's inbound line (for a worker, or in the broker queue) until taken. */
    WAIT,
    /** A worker held the order's item, from taking it to being free again. */
    HANDLING,
    /** A worker did a task (stock check, payment, cooking, dispatch). */
    WORK,
    /** A worker was blocked on a sync call, from the first request until its reply, timeout or crash. */
    BLOCKED,
    /** A request, reply, queue message or event travelled on a link. */
    TRAVEL,
    /** The dispatched order waited for a free delivery agent. */
    AGENT_WAIT,
    /** A delivery agent's trip to the customer. */
    TRIP,
    /** A blocked worker waits to try its failed call again ({@code RetryScheduled} until its {@code retryAtMs}). */
    RETRY_BACKOFF,
    /**
     * Only on a critical path ({@link OrderTimeline#criticalPath}), never among an order's spans: time
     * in which nothing of the order travelled or was worked on (in practice a timeout running out).
     */
    GAP
}
