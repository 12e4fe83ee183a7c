package dev.switchboard.system;

import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;

import java.util.ArrayList;
import java.util.List;

/**
 * One customer order as the system tracks it while it is in flight. A long run holds many of them at
 * once (orders waiting for a delivery agent), so it keeps no per-order collection until it needs one.
 */
final class Order {
    private static final int POISON_SHIFT = 0;
    private static final int PROCESSED_SHIFT = 8;
    private static final int ANSWERED = 1 << 16;

    final long id;
    final double placedAtMs;
    OrderStatus status = OrderStatus.PLACED;
    /** The order's fate once {@link #finished()}; null before. */
    Outcome outcome;
    /**
     * The sync calls from Kitchen to Delivery that wait for this order's agent assignment: the one
     * that dispatched it, and any repeated hand-over an idempotent Delivery recognised meanwhile.
     */
    private List<Call> dispatchCalls;
    /**
     * Bit per service (by ordinal) from {@link #POISON_SHIFT}: the services that can never process this
     * order (a poison message); from {@link #PROCESSED_SHIFT}: the services that have processed it
     * successfully (to spot duplicates); and {@link #ANSWERED}. One int keeps an order at 64 bytes.
     */
    private int flags;
    /*
     * Per service: how many of its workers hold an item for this order right now (to spot concurrent
     * duplicates). Four fields rather than an array: one object per order instead of two.
     */
    private int inHandOrder;
    private int inHandInventory;
    private int inHandKitchen;
    private int inHandDelivery;
    /** When the order began to wait for a delivery agent (the dispatch moment). */
    double agentWaitSinceMs;

    Order(long id, double placedAtMs) {
        this.id = id;
        this.placedAtMs = placedAtMs;
    }

    /** Whether the customer has had an answer (accepted, rejected or failed). */
    boolean answered() {
        return (flags & ANSWERED) != 0;
    }

    void markAnswered() {
        flags |= ANSWERED;
    }

    /** Whether the order's fate is decided ({@link #outcome} is set). */
    boolean finished() {
        return outcome != null;
    }

    boolean isPoisonFor(ServiceId service) {
        return (flags & (1 << (POISON_SHIFT + service.ordinal()))) != 0;
    }

    void markPoisonFor(ServiceId service) {
        flags |= 1 << (POISON_SHIFT + service.ordinal());
    }

    boolean wasProcessedBy(ServiceId service) {
        return (flags & (1 << (PROCESSED_SHIFT + service.ordinal()))) != 0;
    }

    void markProcessedBy(ServiceId service) {
        flags |= 1 << (PROCESSED_SHIFT + service.ordinal());
    }

    int inHand(ServiceId service) {
        return switch (service) {
            case ORDER -> inHandOrder;
            case INVENTORY -> inHandInventory;
            case KITCHEN -> inHandKitchen;
            case DELIVERY -> inHandDelivery;
        };
    }

    void changeInHand(ServiceId service, int delta) {
        switch (service) {
            case ORDER -> inHandOrder += delta;
            case INVENTORY -> inHandInventory += delta;
            case KITCHEN -> inHandKitchen += delta;
            case DELIVERY -> inHandDelivery += delta;
        }
    }

    /** Whether sync calls wait for this order's agent assignment. */
    boolean hasDispatchCalls() {
        return dispatchCalls != null && !dispatchCalls.isEmpty();
    }

    /** A sync call that waits for this order's agent assignment (answered by {@link #takeDispatchCalls()}'s caller). */
    void addDispatchCall(Call call) {
        if (dispatchCalls == null) {
            dispatchCalls = new ArrayList<>(1);
        }
        dispatchCalls.add(call);
    }

    /** The calls waiting for this order's agent assignment, in the order they came; none wait afterwards. */
    List<Call> takeDispatchCalls() {
        List<Call> taken = dispatchCalls == null ? List.of() : dispatchCalls;
        dispatchCalls = null;
        return taken;
    }
}
