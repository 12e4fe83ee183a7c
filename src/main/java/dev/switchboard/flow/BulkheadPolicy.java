package dev.switchboard.flow;

import dev.switchboard.sim.TimeLimits;

/**
 * A bulkhead on a sync link: at most {@code maxConcurrent} calls from the caller on it at once.
 * A call beyond that is rejected at once ({@code waits == false}) or waits up to {@code maxWaitMs}
 * for a free place and is rejected then.
 */
public record BulkheadPolicy(int maxConcurrent, boolean waits, double maxWaitMs) {

    public BulkheadPolicy {
        if (maxConcurrent < 1 || maxConcurrent > 1000) {
            throw new IllegalArgumentException("maxConcurrent must be 1 to 1000 but was " + maxConcurrent);
        }
        TimeLimits.requireDuration("maxWaitMs", maxWaitMs, false);
    }
}
