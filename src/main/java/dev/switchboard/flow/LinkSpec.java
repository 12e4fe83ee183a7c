package dev.switchboard.flow;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.sim.Distribution;
import dev.switchboard.sim.TimeLimits;

/**
 * One link's settings. {@code timeoutMs}, {@code retry}, {@code breaker} (null = none),
 * {@code bulkhead} (null = none) and {@code fallback} (order->inventory only) apply when the link is
 * sync; {@code capacity} and {@code delivery} when it is a queue or an event subscription
 * ({@code UNLIMITED} capacity for no limit).
 */
public record LinkSpec(LinkStyle style, Distribution latencyMs, double lossRate, double timeoutMs, int capacity,
                       RetryPolicy retry, BreakerPolicy breaker, BulkheadPolicy bulkhead, StockFallback fallback,
                       DeliveryPolicy delivery) {
    public static final double DEFAULT_TIMEOUT_MS = 30_000;
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public LinkSpec {
        java.util.Objects.requireNonNull(style, "style");
        latencyMs = latencyMs == null ? Distribution.ZERO : latencyMs;
        ServiceSpec.requireRate("lossRate", lossRate);
        TimeLimits.requireDuration("timeoutMs", timeoutMs, true);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1 but was " + capacity);
        }
        retry = retry == null ? RetryPolicy.NONE : retry;
        fallback = fallback == null ? StockFallback.FAIL : fallback;
        delivery = delivery == null ? DeliveryPolicy.DEFAULTS : delivery;
    }

    /** A link with none of the resilience mechanisms: no retries, breaker, bulkhead or fallback, auto-ack. */
    public LinkSpec(LinkStyle style, Distribution latencyMs, double lossRate, double timeoutMs, int capacity) {
        this(style, latencyMs, lossRate, timeoutMs, capacity, null, null, null, null, null);
    }

    public static LinkSpec defaults(LinkId id) {
        return new LinkSpec(id.defaultStyle(), Distribution.ZERO, 0, DEFAULT_TIMEOUT_MS, UNLIMITED);
    }

    public LinkSpec withStyle(LinkStyle s) {
        return new LinkSpec(s, latencyMs, lossRate, timeoutMs, capacity, retry, breaker, bulkhead, fallback, delivery);
    }

    public LinkSpec withLatencyMs(Distribution d) {
        return new LinkSpec(style, d, lossRate, timeoutMs, capacity, retry, breaker, bulkhead, fallback, delivery);
    }

    public LinkSpec withLossRate(double rate) {
        return new LinkSpec(style, latencyMs, rate, timeoutMs, capacity, retry, breaker, bulkhead, fallback, delivery);
    }

    public LinkSpec withTimeoutMs(double ms) {
        return new LinkSpec(style, latencyMs, lossRate, ms, capacity, retry, breaker, bulkhead, fallback, delivery);
    }

    public LinkSpec withCapacity(int n) {
        return new LinkSpec(style, latencyMs, lossRate, timeoutMs, n, retry, breaker, bulkhead, fallback, delivery);
    }

    public LinkSpec withRetry(RetryPolicy policy) {
        return new LinkSpec(style, latencyMs, lossRate, timeoutMs, capacity, policy, breaker, bulkhead, fallback, delivery);
    }

    /** null switches the breaker off. */
    public LinkSpec withBreaker(BreakerPolicy policy) {
        return new LinkSpec(style, latencyMs, lossRate, timeoutMs, capacity, retry, policy, bulkhead, fallback, delivery);
    }

    /** null switches the bulkhead off. */
    public LinkSpec withBulkhead(BulkheadPolicy policy) {
        return new LinkSpec(style, latencyMs, lossRate, timeoutMs, capacity, retry, breaker, policy, fallback, delivery);
    }

    public LinkSpec withFallback(StockFallback f) {
        return new LinkSpec(style, latencyMs, lossRate, timeoutMs, capacity, retry, breaker, bulkhead, f, delivery);
    }

    public LinkSpec withDelivery(DeliveryPolicy policy) {
        return new LinkSpec(style, latencyMs, lossRate, timeoutMs, capacity, retry, breaker, bulkhead, fallback, policy);
    }
}
