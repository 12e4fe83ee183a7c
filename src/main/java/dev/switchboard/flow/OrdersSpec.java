package dev.switchboard.flow;

import dev.switchboard.sim.Distribution;

/** The automatic workload: how many orders arrive and the time between arrivals. */
public record OrdersSpec(int count, Distribution interarrivalMs) {
    public static final int DEFAULT_COUNT = 10;
    public static final Distribution DEFAULT_INTERARRIVAL = new Distribution.Exponential(500);

    public OrdersSpec {
        if (count < 0) {
            throw new IllegalArgumentException("order count must be >= 0 but was " + count);
        }
        interarrivalMs = interarrivalMs == null ? DEFAULT_INTERARRIVAL : interarrivalMs;
    }

    public static OrdersSpec defaults() {
        return new OrdersSpec(DEFAULT_COUNT, DEFAULT_INTERARRIVAL);
    }

    public OrdersSpec withCount(int newCount) {
        return new OrdersSpec(newCount, interarrivalMs);
    }
}
