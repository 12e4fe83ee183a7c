package dev.switchboard.system;

import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;

/** One customer order as the system tracks it while it is in flight. */
final class Order {
    final long id;
    final double placedAtMs;
    OrderStatus status = OrderStatus.PLACED;
    boolean answered;
    boolean finished;
    /** The order's fate once {@code finished}. */
    Outcome outcome;
    /**
     * The sync calls from Kitchen to Delivery that wait for this order's agent assignment: the one
     * that dispatched it, and any repeated hand-over an idempotent Delivery recognised meanwhile.
     */
    final java.util.List<Call> dispatchCalls = new java.util.ArrayList<>(1);
    /** When the order began to wait for a delivery agent (the dispatch moment). */
    double agentWaitSinceMs;
    /** Bit per service: the services that can never process this order (a poison message). */
    int poisonMask;
    /** Bit per service: the services that have processed this order successfully (to spot duplicates). */
    int processedMask;
    /** Per service: how many of its workers hold an item for this order right now (to spot concurrent duplicates). */
    private final int[] inHand = new int[ServiceId.values().length];

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

    int inHand(ServiceId service) {
        return inHand[service.ordinal()];
    }

    void changeInHand(ServiceId service, int delta) {
        inHand[service.ordinal()] += delta;
    }
}
