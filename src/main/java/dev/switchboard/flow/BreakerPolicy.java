package dev.switchboard.flow;

import dev.switchboard.sim.TimeLimits;

/**
 * A circuit breaker on a sync link: it opens when at least {@code minimumCalls} of the last
 * {@code windowSize} calls were made and {@code failureRateThreshold} of them failed; it rejects
 * calls at once for {@code openMs}; then lets {@code halfOpenCalls} trial calls through and closes
 * if they all succeed, or opens again.
 */
public record BreakerPolicy(double failureRateThreshold, int windowSize, int minimumCalls, double openMs, int halfOpenCalls) {

    public BreakerPolicy {
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 1)) {
            throw new IllegalArgumentException("failureRateThreshold must be above 0 and at most 1 but was " + failureRateThreshold);
        }
        if (windowSize < 1 || windowSize > 1000) {
            throw new IllegalArgumentException("windowSize must be 1 to 1000 but was " + windowSize);
        }
        if (minimumCalls < 1 || minimumCalls > windowSize) {
            throw new IllegalArgumentException("minimumCalls must be 1 to windowSize (" + windowSize + ") but was " + minimumCalls);
        }
        TimeLimits.requireDuration("openMs", openMs, true);
        if (halfOpenCalls < 1 || halfOpenCalls > 100) {
            throw new IllegalArgumentException("halfOpenCalls must be 1 to 100 but was " + halfOpenCalls);
        }
    }

    public static BreakerPolicy defaults() {
        return new BreakerPolicy(0.5, 10, 5, 5000, 2);
    }
}
