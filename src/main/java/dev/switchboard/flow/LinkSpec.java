package dev.switchboard.flow;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.sim.Distribution;

/**
 * One link's settings. {@code timeoutMs} applies to sync links; {@code capacity} to queue links
 * ({@code UNLIMITED} for no limit).
 */
public record LinkSpec(LinkStyle style, Distribution latencyMs, double lossRate, double timeoutMs, int capacity) {
    public static final double DEFAULT_TIMEOUT_MS = 30_000;
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public LinkSpec {
        java.util.Objects.requireNonNull(style, "style");
        latencyMs = latencyMs == null ? Distribution.ZERO : latencyMs;
        ServiceSpec.requireRate("lossRate", lossRate);
        if (!(timeoutMs > 0) || Double.isInfinite(timeoutMs)) {
            throw new IllegalArgumentException("timeoutMs must be a finite number > 0 but was " + timeoutMs);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1 but was " + capacity);
        }
    }

    public static LinkSpec defaults(LinkId id) {
        return new LinkSpec(id.defaultStyle(), Distribution.ZERO, 0, DEFAULT_TIMEOUT_MS, UNLIMITED);
    }

    public LinkSpec withStyle(LinkStyle s) {
        return new LinkSpec(s, latencyMs, lossRate, timeoutMs, capacity);
    }

    public LinkSpec withLatencyMs(Distribution d) {
        return new LinkSpec(style, d, lossRate, timeoutMs, capacity);
    }

    public LinkSpec withLossRate(double rate) {
        return new LinkSpec(style, latencyMs, rate, timeoutMs, capacity);
    }

    public LinkSpec withTimeoutMs(double ms) {
        return new LinkSpec(style, latencyMs, lossRate, ms, capacity);
    }

    public LinkSpec withCapacity(int n) {
        return new LinkSpec(style, latencyMs, lossRate, timeoutMs, n);
    }
}
