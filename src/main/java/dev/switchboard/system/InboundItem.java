package dev.switchboard.system;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;

/**
 * Something waiting for a service's worker: a new order, a sync request (with its call) or a
 * message from the broker queue or the MealReady subscription.
 */
record InboundItem(Order order, InboundKind kind, LinkId link, double arrivedMs, Call call) {

    /** Messages held by the broker survive a crash of their consumer; in-memory lines do not. */
    boolean isDurable() {
        return kind == InboundKind.QUEUE_MESSAGE || kind == InboundKind.EVENT;
    }
}
