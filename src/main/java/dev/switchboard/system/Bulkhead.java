package dev.switchboard.system;

import dev.switchboard.flow.BulkheadPolicy;

import java.util.ArrayDeque;

/** The places of one link's bulkhead and the exchanges waiting for one, first come first served. */
final class Bulkhead {
    private BulkheadPolicy policy;
    private int inUse;
    final ArrayDeque<Exchange> waiting = new ArrayDeque<>();

    Bulkhead(BulkheadPolicy policy) {
        this.policy = policy;
    }

    void configure(BulkheadPolicy newPolicy) {
        policy = newPolicy;
    }

    boolean enabled() {
        return policy != null;
    }

    BulkheadPolicy policy() {
        return policy;
    }

    int inUse() {
        return inUse;
    }

    /** Takes a place when one is free. Places are counted even while the bulkhead is off, so it can be switched on mid-run. */
    boolean tryAcquire() {
        if (policy == null || inUse < policy.maxConcurrent()) {
            inUse++;
            return true;
        }
        return false;
    }

    void release() {
        if (inUse > 0) {
            inUse--;
        }
    }
}
