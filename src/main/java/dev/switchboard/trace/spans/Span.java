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
 * {@code unfinished}, {@code open} (still going, in a snapshot of an order in flight).
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

    /** A hop that never arrived: {@code MessageLost} named it. */
    public boolean lost() {
        return "lost".equals(outcome);
    }

    /** A short name for trace viewers (the OTLP span name), e.g. {@code kitchen: wait in the broker queue}. */
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
            case RETRY_BACKOFF -> link.key() + " retry back-off";
            case GAP -> "gap";
        };
    }

    /**
     * Words for a row of the waterfall, e.g. "Kitchen queue: waiting for a cook" or "order->inventory
     * request"; work a crash took says so, and so does a span the order's end cut short.
     */
    public String label() {
        String how = "crash".equals(outcome) ? " (crashed)" : "unfinished".equals(outcome) ? " (unfinished)" : "";
        return kindLabel() + how;
    }

    private String kindLabel() {
        return switch (kind) {
            case ORDER -> "Order #" + orderId;
            case WAIT -> link == LinkId.ORDER_KITCHEN && inbound == InboundKind.QUEUE_MESSAGE
                    ? "Kitchen queue: waiting for a cook" : title(service) + ": waiting for a worker";
            case HANDLING -> title(service) + " worker " + (worker + 1) + " holds the order";
            case WORK -> title(service) + ": " + switch (task) {
                case TAKE_PAYMENT -> "payment";
                case CHECK_STOCK -> "stock check";
                case COOK -> "cooking";
                case DISPATCH -> "dispatch";
            };
            case TRAVEL -> travelLabel() + (lost() ? " (lost)" : "");
            case RETRY_BACKOFF -> link.key() + " retry back-off";
            case AGENT_WAIT -> "Delivery: waiting for an agent";
            case TRIP -> "Delivery: the trip";
            case BLOCKED -> title(service) + " worker " + (worker + 1) + " blocked on " + link.key();
            case GAP -> "waiting for a reply that does not come";
        };
    }

    private String travelLabel() {
        if (what.equals("message")) {
            return link.key() + " message to the broker";
        }
        if (what.equals("event")) {
            return "MealReady event";
        }
        return link.key() + (what.startsWith("reply") ? " reply" : " " + what);
    }

    private static String title(ServiceId service) {
        String key = service.key();
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
}
