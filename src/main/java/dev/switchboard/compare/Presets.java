package dev.switchboard.compare;

import dev.switchboard.flow.FlowOverride;
import dev.switchboard.flow.Suggestions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The shipped presets: the differences the lab is about, each a pair of override lists that fits
 * any flow (a field the flow leaves out is added). {@code sync-vs-queue} is the default.
 */
public final class Presets {
    public static final String DEFAULT_NAME = "sync-vs-queue";
    /**
     * Switches the registry on where the flow has none; where it has one only its balancing is set
     * (to round-robin, the default), its heartbeat and cache stay the flow's.
     */
    private static final String REGISTRY = "discovery.balancing=round-robin";

    private static final List<Preset> ALL = List.of(
            new Preset("sync-vs-queue",
                    "The Order Service calls the Kitchen and waits (left), or puts the order in a queue (right).",
                    "order->kitchen sync", overrides("links[\"order->kitchen\"].style=sync"),
                    "order->kitchen queue", overrides("links[\"order->kitchen\"].style=queue")),
            new Preset("event-vs-sync",
                    "The Kitchen announces a cooked order as an event (left), or calls Delivery and waits (right).",
                    "kitchen->delivery event", overrides("links[\"kitchen->delivery\"].style=event"),
                    "kitchen->delivery sync", overrides("links[\"kitchen->delivery\"].style=sync")),
            new Preset("retries-off-vs-on",
                    "A failed stock check fails the order (left), or is tried again up to 3 more times (right).",
                    "stock check not retried", overrides("links[\"order->inventory\"].retry={\"maxAttempts\": 1}"),
                    "stock check retried (4 attempts)", overrides(
                            "links[\"order->inventory\"].retry={\"maxAttempts\": 4, \"baseDelayMs\": 50}")),
            new Preset("breaker-off-vs-on",
                    "Stock checks always go to Inventory (left), or a circuit breaker refuses them at once while"
                            + " Inventory keeps failing (right).",
                    "no circuit breaker", overrides("links[\"order->inventory\"].circuitBreaker=null"),
                    "circuit breaker on order->inventory", overrides(
                            "links[\"order->inventory\"].circuitBreaker={\"openMs\": 1500}")),
            new Preset("one-vs-three-instances",
                    "Inventory runs one instance (left) or three (right), behind a service registry on both sides.",
                    "1 Inventory instance", overrides("services.inventory.instances=1", REGISTRY),
                    "3 Inventory instances", overrides("services.inventory.instances=3", REGISTRY)));

    private Presets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Preset::name).toList();
    }

    public static Optional<Preset> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The preset of that name, or an exception whose message lists the names and suggests the closest. */
    public static Preset require(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("unknown preset \"" + name + "\""
                + Suggestions.didYouMean(name, names()) + " (presets: " + String.join(", ", names()) + ")"));
    }

    public static Preset defaultPreset() {
        return require(DEFAULT_NAME);
    }

    private static List<FlowOverride> overrides(String... assignments) {
        return Arrays.stream(assignments).map(FlowOverride::parse).toList();
    }
}
