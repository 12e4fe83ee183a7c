package dev.switchboard.system;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;

/**
 * Something waiting for a service's worker: a new order, a sync request (with its call) or a
 * message from the broker queue or the MealReady subscription. A message remembers how often it
 * was delivered and whether it is waiting, held unacknowledged by a worker, or settled.
 */
final class InboundItem {
    private final Order order;
    private final InboundKind kind;
    private final LinkId link;
    private final Call call;
    /** The broker's name for a message or event (from 1, per run); 0 for a new order or a request. */
    final long messageId;
    private double arrivedMs;
    int deliveries;
    /** Changes on every delivery, so a late acknowledgement or ack timeout of an older delivery is ignored. */
    int deliveryTag;
    boolean waiting;
    boolean settled;
    /** Workers holding a delivery of it right now (more than one after a redelivery while still in hand). */
    int holders;
    boolean deadLettered;
    /** Whether a delivery of it was acknowledged (it is then settled). */
    boolean acked;
    /** Whether the current delivery keeps the run open until it is acknowledged or given back. */
    boolean heldOpen;

    InboundItem(Order order, InboundKind kind, LinkId link, double arrivedMs, Call call) {
        this(order, kind, link, arrivedMs, call, 0);
    }

    InboundItem(Order order, InboundKind kind, LinkId link, double arrivedMs, Call call, long messageId) {
        this.messageId = messageId;
        this.order = order;
        this.kind = kind;
        this.link = link;
        this.arrivedMs = arrivedMs;
        this.call = call;
    }

    Order order() {
        return order;
    }

    InboundKind kind() {
        return kind;
    }

    LinkId link() {
        return link;
    }

    Call call() {
        return call;
    }

    double arrivedMs() {
        return arrivedMs;
    }

    void requeuedAt(double timeMs) {
        arrivedMs = timeMs;
    }

    /** Messages held by the broker survive a crash of their consumer; in-memory lines do not. */
    boolean isDurable() {
        return kind == InboundKind.QUEUE_MESSAGE || kind == InboundKind.EVENT;
    }
}
