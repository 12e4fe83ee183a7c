package dev.switchboard.ui;

import java.util.List;

/**
 * A setting the Sweep dialog offers to vary: its name, the flow field it changes, how a typed
 * value becomes that field's JSON ({@code %s} is the value), and the values it suggests.
 */
public record SweepSetting(String label, String path, String template, String suggestedValues) {
    public static final String NONE_LABEL = "(nothing)";
    public static final String CUSTOM_LABEL = "Any field by its path…";

    /** The field's JSON for one typed value. */
    public String fill(String value) {
        return template.replace("%s", value);
    }

    public boolean isNone() {
        return label.equals(NONE_LABEL);
    }

    @Override
    public String toString() {
        return label;
    }

    /** The settings offered, the most asked-about first. */
    public static List<SweepSetting> offered() {
        return List.of(
                new SweepSetting("Kitchen work time, mean ms (exponential)", "services.kitchen.workMs",
                        "{\"exponential\": %s}", "100..700:100"),
                new SweepSetting("Kitchen workers", "services.kitchen.workers", "%s", "1..6"),
                new SweepSetting("Order → Kitchen wiring", "links.order->kitchen.style", "%s", "sync,queue"),
                new SweepSetting("Kitchen → Delivery wiring", "links.kitchen->delivery.style", "%s", "sync,event"),
                new SweepSetting("Time between orders, mean ms (exponential)", "orders.interarrivalMs",
                        "{\"exponential\": %s}", "200..800:100"),
                new SweepSetting("Inventory workers", "services.inventory.workers", "%s", "1..4"),
                new SweepSetting("Order workers", "services.order.workers", "%s", "1..6"),
                new SweepSetting("Delivery agents", "services.delivery.agents", "%s", "1..8"),
                new SweepSetting("Stock check latency, ms (fixed)", "links.order->inventory.latencyMs",
                        "{\"fixed\": %s}", "10..100:30"),
                new SweepSetting(CUSTOM_LABEL, "services.kitchen.errorRate", "%s", "0,0.1,0.2"));
    }

    public static SweepSetting none() {
        return new SweepSetting(NONE_LABEL, "", "%s", "");
    }
}
