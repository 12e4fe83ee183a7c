package dev.switchboard.system;

import java.util.ArrayDeque;
import java.util.BitSet;

/** The delivery agents: which are out on a trip, the limit, and the orders waiting for one. */
final class AgentPool {
    private final BitSet busy = new BitSet();
    private int busyCount;
    private int limit;
    final ArrayDeque<Order> waiting = new ArrayDeque<>();

    AgentPool(int limit) {
        this.limit = limit;
    }

    void setLimit(int newLimit) {
        limit = newLimit;
    }

    int busyCount() {
        return busyCount;
    }

    int freeCount() {
        return limit == Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(0, limit - busyCount());
    }

    /** Takes the lowest-numbered free agent, or returns -1 when all are out. */
    int take() {
        if (busyCount() >= limit) {
            return -1;
        }
        int agent = busy.nextClearBit(0);
        busy.set(agent);
        busyCount++;
        return agent;
    }

    void release(int agent) {
        if (busy.get(agent)) {
            busy.clear(agent);
            busyCount--;
        }
    }
}
