package dev.switchboard.system;

import dev.switchboard.model.WorkerState;

/**
 * One worker of a service. {@code item} is what it took from its inbound line (it decides what a
 * crash does to the order); {@code epoch} changes on a crash so stale completions are ignored.
 */
final class Worker {
    final InstanceNode instance;
    final ServiceNode service;
    /** The worker's number, unique across the service's instances. */
    final int index;
    WorkerState state = WorkerState.IDLE;
    InboundItem item;
    /** The delivery of {@code item} this worker holds; a message redelivered since then belongs to another. */
    int itemTag;
    /** Whether it counts among {@code item.holders()}. */
    boolean holding;
    /** Whether it counts in its order's {@code inHand} for its service. */
    boolean inHand;
    Exchange exchange;
    long epoch;
    boolean retiring;

    Worker(InstanceNode instance, int index) {
        this.instance = instance;
        this.service = instance.service;
        this.index = index;
    }

    boolean isFree() {
        return state == WorkerState.IDLE && !retiring;
    }
}
