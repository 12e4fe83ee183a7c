package dev.switchboard.system;

import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.ServiceId;

/** One customer order as the system tracks it while it is in flight. */
final class Order {
    final long id;
    final double placedAtMs;
    OrderStatus status = OrderStatus.PLACED;
    boolean answered;
    boolean finished;
    /** The sync call from Kitchen to Delivery that waits for this order's agent assignment, if any. */
    Call dispatchCall;
    /** When the order began to wait for a delivery agent (the dispatch moment). */
    double agentWaitSinceMs;
    /** Bit per service: the services that can never process this order (a poison message). */
    int poisonMask;
    /** Bit per service: the services that have processed this order successfully (to spot duplicates). */
    int processedMask;

    Order(long id, double placedAtMs) {
        this.id = id;
        this.placedAtMs = placedAtMs;
    }

    boolean isPoisonFor(ServiceId service) {
        return (poisonMask & (1 << service.ordinal())) != 0;
    }

    boolean wasProcessedBy(ServiceId service) {
        return (processedMask & (1 << service.ordinal())) != 0;
    }

    void markProcessedBy(ServiceId service) {
        processedMask |= 1 << service.ordinal();
    }
}
