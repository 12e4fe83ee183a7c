package dev.switchboard.trace.spans;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/** Small flows with fixed times, played to the end with their whole trace kept, for span and export tests. */
public final class ScriptedRuns {
    private ScriptedRuns() {
    }

    /**
     * Hybrid wiring with fixed times: an order every 100 ms, one delivery agent on 500 ms trips, so
     * orders queue for the agent; the order->kitchen link style is {@code kitchenStyle}.
     */
    public static Flow hybrid(int orders, String kitchenStyle, double inventoryLossRate) {
        String json = """
                {
                  "name": "Scripted hybrid",
                  "seed": 7,
                  "orders": { "count": %d, "interarrivalMs": { "fixed": 100 } },
                  "services": {
                    "order":     { "workers": 2, "workMs": { "fixed": 5 } },
                    "inventory": { "workers": 1, "workMs": { "fixed": 10 } },
                    "kitchen":   { "workers": 1, "workMs": { "fixed": 150 } },
                    "delivery":  { "workers": 1, "workMs": { "fixed": 20 }, "agents": 1, "tripMs": { "fixed": 500 } }
                  },
                  "links": {
                    "order->inventory":  { "style": "sync", "latencyMs": { "fixed": 20 }, "timeoutMs": 300, "lossRate": %s },
                    "order->kitchen":    { "style": "%s", "latencyMs": { "fixed": 5 }, "timeoutMs": 100000 },
                    "kitchen->delivery": { "style": "event", "latencyMs": { "fixed": 5 } }
                  }
                }
                """.formatted(orders, Double.toString(inventoryLossRate), kitchenStyle);
        try {
            return FlowLoader.parse(json, "scripted.json");
        } catch (FlowException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Plays the flow to the end; the trace, with {@code metrics} (if not null) listening too. */
    public static List<TraceEvent> play(Flow flow, Metrics metrics) {
        List<TraceEvent> events = new ArrayList<>();
        Simulation simulation = new Simulation(flow);
        simulation.addListener(events::add);
        if (metrics != null) {
            simulation.addListener(metrics);
        }
        simulation.start();
        while (simulation.hasPendingEvents() && simulation.step()) {
            // play on
        }
        return events;
    }
}
