package dev.switchboard.compare;

import dev.switchboard.model.ServiceId;
import dev.switchboard.sweep.Figure;

import java.util.function.ToDoubleFunction;

/**
 * A figure set side by side. Each is read from a side's report or {@code Metrics} (never computed
 * a second time), knows its kind (for the noise rule and the formatting) and whether less is better.
 */
public enum CompareFigure {
    ACCEPT_P50_MS("acceptLatencyP50Ms", "acceptance latency p50", Kind.TIME, s -> s.report().acceptLatencyMs().p50()),
    ACCEPT_P95_MS("acceptLatencyP95Ms", "acceptance latency p95", Kind.TIME, s -> s.report().acceptLatencyMs().p95()),
    DELIVERY_P50_MS("deliveryLatencyP50Ms", "delivery latency p50", Kind.TIME, s -> s.report().deliveryLatencyMs().p50()),
    DELIVERY_P95_MS("deliveryLatencyP95Ms", "delivery latency p95", Kind.TIME, s -> s.report().deliveryLatencyMs().p95()),
    ORDER_BLOCKED_NOW("orderWorkersBlockedNow", "Order workers blocked now", Kind.COUNT, SideFigures::orderWorkersBlockedNow),
    ORDER_BLOCKED_MOST("orderWorkersBlockedMost", "Order workers blocked, peak", Kind.COUNT,
            SideFigures::orderWorkersBlockedMost),
    ORDER_BLOCKED_MS("orderBlockedMs", "Order worker-time blocked", Kind.TIME,
            s -> s.report().services().get(ServiceId.ORDER).blockedMs()),
    FAILED("ordersFailed", "orders failed", Kind.COUNT, s -> s.report().orders().failed()),
    LOST("ordersLost", "orders lost", Kind.COUNT, s -> s.report().orders().lost()),
    REJECTED("ordersRejected", "orders rejected", Kind.COUNT, s -> s.report().orders().rejected()),
    THROUGHPUT_PER_S("throughputPerS", "throughput (orders delivered)", Kind.RATE,
            s -> Figure.THROUGHPUT_PER_S.of(s.report()));

    /** What a figure measures, which decides how it is shown and what counts as noise. */
    public enum Kind {
        /** Virtual milliseconds. */
        TIME,
        /** Orders or workers. */
        COUNT,
        /** Per simulated second. */
        RATE
    }

    /** Times and rates closer than this share of the larger value are called about the same. */
    public static final double NOISE_SHARE = 0.05;
    /** ... and so are times closer than this, whatever their size. */
    public static final double NOISE_MS = 1;
    /** Counts that differ by at most this many (or by {@link #NOISE_SHARE}) are called about the same. */
    public static final long NOISE_COUNT = 1;

    private final String key;
    private final String label;
    private final Kind kind;
    private final ToDoubleFunction<SideFigures> value;

    CompareFigure(String key, String label, Kind kind, ToDoubleFunction<SideFigures> value) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.value = value;
    }

    /** The name in JSON output. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** Throughput is better higher; every other figure is better lower. */
    public boolean higherIsBetter() {
        return this == THROUGHPUT_PER_S;
    }

    public double of(SideFigures side) {
        return value.applyAsDouble(side);
    }

    /** Whether two values of this figure are too close to tell apart on one seed (equal ones are). */
    public boolean aboutTheSame(double left, double right) {
        if (left == right) {
            return true;
        }
        double difference = Math.abs(right - left);
        double larger = Math.max(Math.abs(left), Math.abs(right));
        return switch (kind) {
            case TIME -> difference <= NOISE_MS || difference <= NOISE_SHARE * larger;
            case COUNT -> difference <= NOISE_COUNT || difference <= NOISE_SHARE * larger;
            case RATE -> difference <= NOISE_SHARE * larger;
        };
    }
}
