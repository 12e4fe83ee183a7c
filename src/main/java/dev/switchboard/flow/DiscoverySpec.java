package dev.switchboard.flow;

import dev.switchboard.sim.TimeLimits;

/**
 * Service discovery: every instance sends the registry a heartbeat each {@code heartbeatIntervalMs};
 * the registry, checking once per interval, removes an instance once more than
 * {@code missedHeartbeats} intervals have passed since its last heartbeat (so between that many and
 * one more interval after a crash); callers keep what the registry told them for {@code cacheTtlMs}
 * and spread calls by {@code balancing}.
 */
public record DiscoverySpec(double heartbeatIntervalMs, int missedHeartbeats, double cacheTtlMs, Balancing balancing) {
    public static final DiscoverySpec DEFAULTS = new DiscoverySpec(1000, 3, 5000, Balancing.ROUND_ROBIN);

    public DiscoverySpec {
        if (!(heartbeatIntervalMs >= 10 && heartbeatIntervalMs <= 600_000)) {
            throw new IllegalArgumentException("heartbeatIntervalMs must be 10 to 600000 but was " + heartbeatIntervalMs);
        }
        if (missedHeartbeats < 1 || missedHeartbeats > 100) {
            throw new IllegalArgumentException("missedHeartbeats must be 1 to 100 but was " + missedHeartbeats);
        }
        TimeLimits.requireDuration("cacheTtlMs", cacheTtlMs, false);
        java.util.Objects.requireNonNull(balancing, "balancing");
    }

    public DiscoverySpec withHeartbeatIntervalMs(double ms) {
        return new DiscoverySpec(ms, missedHeartbeats, cacheTtlMs, balancing);
    }

    public DiscoverySpec withMissedHeartbeats(int n) {
        return new DiscoverySpec(heartbeatIntervalMs, n, cacheTtlMs, balancing);
    }

    public DiscoverySpec withCacheTtlMs(double ms) {
        return new DiscoverySpec(heartbeatIntervalMs, missedHeartbeats, ms, balancing);
    }

    public DiscoverySpec withBalancing(Balancing b) {
        return new DiscoverySpec(heartbeatIntervalMs, missedHeartbeats, cacheTtlMs, b);
    }
}
