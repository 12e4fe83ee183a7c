package dev.switchboard.trace.spans;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;

/**
 * One closed span of an order: {@code index} numbers the order's spans in the order they opened (the
 * root is 0); {@code parent} is the index of the enclosing span, -1 for the root. Fields that do not
 * apply to the kind are null (or -1 for {@code worker}). {@code outcome} says how it ended in a word:
 * {@code ok}, or e.g. {@code error}, {@code timeout}, {@code lost}, {@code dropped}, {@code crash},
 * {@code unfinished}.
 */
public record Span(long orderId, int index, int parent, SpanKind kind, ServiceId service, int worker,
                   Task task, LinkId link, InboundKind inbound, String what, double startMs, double endMs,
                   String outcome) {

    public double durationMs() {
        return endMs - startMs;
    }

    public boolean ok() {
        return "ok".equals(outcome);
    }

    /** A short name for people and for trace viewers, e.g. {@code kitchen: wait in the queue}. */
    public String name() {
        return switch (kind) {
            case ORDER -> "order #" + orderId;
            case WAIT -> service.key() + (inbound == InboundKind.QUEUE_MESSAGE ? ": wait in the broker queue"
                    : inbound == InboundKind.EVENT ? ": MealReady waits for a worker" : ": wait for a worker");
            case HANDLING -> service.key() + ": handle the " + switch (inbound == null ? InboundKind.NEW_ORDER : inbound) {
                case NEW_ORDER -> "order";
                case REQUEST -> "request";
                case QUEUE_MESSAGE -> "queued message";
                case EVENT -> "MealReady event";
            };
            case WORK -> service.key() + ": " + task.description();
            case BLOCKED -> service.key() + ": blocked on " + link.key();
            case TRAVEL -> link.key() + " " + what;
            case AGENT_WAIT -> "delivery: wait for an agent";
            case TRIP -> "delivery: trip";
        };
    }
}
