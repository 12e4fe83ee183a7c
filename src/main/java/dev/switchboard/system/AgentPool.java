package dev.switchboard.system;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;

/** The delivery agents: which are out on a trip, the limit, and the orders waiting for one. */
final class AgentPool {
    private final BitSet busy = new BitSet();
    private int busyCount;
    private int limit;
    final ArrayDeque<Order> waiting = new ArrayDeque<>();
    /** The reasons naming an agent, made once per agent rather than once per trip. */
    private String[] onTheWay = new String[0];
    private String[] handedOver = new String[0];

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

    String onTheWayReason(int agent) {
        if (agent >= onTheWay.length) {
            growReasons(agent);
        }
        return onTheWay[agent];
    }

    String handedOverReason(int agent) {
        if (agent >= handedOver.length) {
            growReasons(agent);
        }
        return handedOver[agent];
    }

    private void growReasons(int agent) {
        int length = Math.max(agent + 1, 2 * onTheWay.length);
        onTheWay = Arrays.copyOf(onTheWay, length);
        handedOver = Arrays.copyOf(handedOver, length);
        for (int i = 0; i < length; i++) {
            if (onTheWay[i] == null) {
                onTheWay[i] = "delivery agent " + (i + 1) + " is on the way";
                handedOver[i] = "delivery agent " + (i + 1) + " handed the meal over";
            }
        }
    }
}
