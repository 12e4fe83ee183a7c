package dev.switchboard.sweep;

import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Report;

import java.util.function.ToDoubleFunction;

/** A headline figure of a run's report that a sweep summarises across seeds. */
public enum Figure {
    ACCEPT_MEAN_MS("acceptLatencyMeanMs", "acceptance latency, mean", "ms", r -> r.acceptLatencyMs().mean()),
    ACCEPT_P95_MS("acceptLatencyP95Ms", "acceptance latency, 95th percentile", "ms", r -> r.acceptLatencyMs().p95()),
    DELIVERY_MEAN_MS("deliveryLatencyMeanMs", "delivery latency, mean", "ms", r -> r.deliveryLatencyMs().mean()),
    THROUGHPUT_PER_S("throughputPerS", "throughput (orders delivered per simulated second)", "1/s",
            r -> r.simulatedMs() > 0 ? r.orders().delivered() / (r.simulatedMs() / 1000) : 0),
    DELIVERED_SHARE("deliveredShare", "share of orders delivered", "",
            r -> r.orders().placed() > 0 ? (double) r.orders().delivered() / r.orders().placed() : 0),
    KITCHEN_WAIT_MS("kitchenWaitMeanMs", "Kitchen queue wait, mean", "ms",
            r -> r.services().get(ServiceId.KITCHEN).meanQueueWaitMs()),
    KITCHEN_UTILIZATION("kitchenUtilization", "Kitchen utilization", "",
            r -> r.services().get(ServiceId.KITCHEN).utilization());

    private final String key;
    private final String label;
    private final String unit;
    private final ToDoubleFunction<Report> value;

    Figure(String key, String label, String unit, ToDoubleFunction<Report> value) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.value = value;
    }

    /** The name in JSON and CSV output. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public double of(Report report) {
        return value.applyAsDouble(report);
    }

    @Override
    public String toString() {
        return label;
    }
}
