package dev.switchboard.system;

import dev.switchboard.model.WorkerState;

/**
 * One worker of a service. {@code item} is what it took from its inbound line (it decides what a
 * crash does to the order); {@code epoch} changes on a crash so stale completions are ignored.
 * Its state and retiring flag change only through the setters, which keep its instance's free,
 * active and occupied sets up to date, so finding a free worker never scans the workers.
 */
final class Worker {
    final InstanceNode instance;
    final ServiceNode service;
    /** The worker's number, unique across the service's instances. */
    final int index;
    private WorkerState state = WorkerState.IDLE;
    private boolean retiring;
    /** Whether it is one of its instance's workers (between {@code attach} and {@code detach}). */
    boolean attached;
    InboundItem item;
    /** The delivery of {@code item} this worker holds; a message redelivered since then belongs to another. */
    int itemTag;
    /** Whether it counts among {@code item.holders()}. */
    boolean holding;
    /** Whether it counts in its order's {@code inHand} for its service. */
    boolean inHand;
    Exchange exchange;
    long epoch;

    Worker(InstanceNode instance, int index) {
        this.instance = instance;
        this.service = instance.service;
        this.index = index;
    }

    WorkerState state() {
        return state;
    }

    boolean retiring() {
        return retiring;
    }

    void setState(WorkerState newState) {
        if (newState == state) {
            return;
        }
        if (attached) {
            instance.workerChanging(this);
        }
        state = newState;
        if (attached) {
            instance.workerChanged(this);
        }
    }

    void setRetiring(boolean newRetiring) {
        if (newRetiring == retiring) {
            return;
        }
        if (attached) {
            instance.workerChanging(this);
        }
        retiring = newRetiring;
        if (attached) {
            instance.workerChanged(this);
        }
    }

    boolean isFree() {
        return state == WorkerState.IDLE && !retiring;
    }

    /** Holding work: busy or blocked on a call. */
    boolean isOccupied() {
        return state == WorkerState.BUSY || state == WorkerState.BLOCKED;
    }
}
