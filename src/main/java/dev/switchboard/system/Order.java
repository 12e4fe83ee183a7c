package dev.switchboard.system;

import dev.switchboard.model.OrderStatus;

/** One customer order as the system tracks it while it is in flight. */
final class Order {
    final long id;
    final double placedAtMs;
    OrderStatus status = OrderStatus.PLACED;
    boolean answered;
    boolean finished;
    /** The sync call from Kitchen to Delivery that waits for this order's agent assignment, if any. */
    Call dispatchCall;

    Order(long id, double placedAtMs) {
        this.id = id;
        this.placedAtMs = placedAtMs;
    }
}
