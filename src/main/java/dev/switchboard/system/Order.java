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
    private List<Call> dispatchCalls;
    /** Bit per service: the services that can never process this order (a poison message). */
    int poisonMask;
    /** Bit per service: the services that have processed this order successfully (to spot duplicates). */
    int processedMask;
    /*
     * Per service: how many of its workers hold an item for this order right now (to spot concurrent
     * duplicates). Four fields rather than an array: one object per order instead of two.
     */
    private int inHandOrder;
    private int inHandInventory;
    private int inHandKitchen;
    private int inHandDelivery;

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
