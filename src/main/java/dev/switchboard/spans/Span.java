package dev.switchboard.spans;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;

/**
 * One stretch of an order's life: a wait for a worker, a piece of work, a hop on a link, a retry's
 * back-off, the wait for a delivery agent, the trip, or a worker {@link Kind#BLOCKED} on a sync call
 * for it. {@code service} and {@code worker} say who held it (worker -1: nobody in particular);
 * {@code link} is set for hops, back-offs and blocked spans. {@code lost}: a hop that never arrived.
 */
public record Span(Kind kind, ServiceId service, int worker, LinkId link, double startMs, double endMs, boolean lost) {

    public enum Kind {
        WAIT_FOR_WORKER, WORK, REQUEST, REPLY, MESSAGE, EVENT, RETRY_BACKOFF, AGENT_WAIT, TRIP, BLOCKED,
        /** On a critical path: time in which nothing of the order was travelling or being worked on (a timeout running out). */
        GAP
    }

    public double durationMs() {
        return endMs - startMs;
    }

    /** Words for the waterfall's row, e.g. "Kitchen: waiting for a worker" or "order->inventory request". */
    public String label() {
        return switch (kind) {
            case WAIT_FOR_WORKER -> service == ServiceId.KITCHEN && link == LinkId.ORDER_KITCHEN
                    ? "Kitchen queue: waiting for a cook" : name(service) + ": waiting for a worker";
            case WORK -> name(service) + ": " + workName(service);
            case REQUEST -> link.key() + " request" + (lost ? " (lost)" : "");
            case REPLY -> link.key() + " reply" + (lost ? " (lost)" : "");
            case MESSAGE -> link.key() + " message to the broker" + (lost ? " (lost)" : "");
            case EVENT -> "MealReady event" + (lost ? " (lost)" : "");
            case RETRY_BACKOFF -> link.key() + " retry back-off";
            case AGENT_WAIT -> "Delivery: waiting for an agent";
            case TRIP -> "Delivery: the trip";
            case BLOCKED -> name(service) + " worker " + (worker + 1) + " blocked on " + link.key();
            case GAP -> "waiting for a reply that does not come";
        };
    }

    private static String name(ServiceId service) {
        return service == null ? "" : Lane.of(service).label();
    }

    private static String workName(ServiceId service) {
        return switch (service) {
            case ORDER -> "payment";
            case INVENTORY -> "stock check";
            case KITCHEN -> "cooking";
            case DELIVERY -> "dispatch";
        };
    }
}
