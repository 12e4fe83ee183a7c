package dev.switchboard.spans;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceListener;

/** A small flow with fixed times and orders placed by hand, so every arrow's time can be worked out on paper. */
public final class ScriptedRun {
    private ScriptedRun() {
    }

    /**
     * Order 4 workers x 5 ms, Inventory 1 worker x 30 ms, Kitchen 1 worker x 100 ms, Delivery 1 worker x
     * 20 ms with 1 agent and 1000 ms trips; order->inventory 10 ms, the queue and the topic 5 ms each.
     */
    public static Flow flow(double inventoryLossRate) throws FlowException {
        return FlowLoader.parse("""
                { "name": "Scripted", "seed": 7,
                  "orders": { "count": 0, "interarrivalMs": { "fixed": 1000 } },
                  "services": {
                    "order":     { "workers": 4, "workMs": { "fixed": 5 } },
                    "inventory": { "workers": 1, "workMs": { "fixed": 30 } },
                    "kitchen":   { "workers": 1, "workMs": { "fixed": 100 } },
                    "delivery":  { "workers": 1, "workMs": { "fixed": 20 }, "agents": 1, "tripMs": { "fixed": 1000 } }
                  },
                  "links": {
                    "order->inventory":  { "style": "sync", "latencyMs": { "fixed": 10 }, "timeoutMs": 200,
                                           "lossRate": %s },
                    "order->kitchen":    { "style": "queue", "latencyMs": { "fixed": 5 } },
                    "kitchen->delivery": { "style": "event", "latencyMs": { "fixed": 5 } }
                  } }
                """.formatted(inventoryLossRate), "scripted.json");
    }

    /** Places two orders at t = 0 and one at t = 50 ms, and runs to the end. */
    public static Simulation run(Flow flow, TraceListener... listeners) {
        Simulation sim = new Simulation(flow);
        for (TraceListener l : listeners) {
            sim.addListener(l);
        }
        sim.start();
        sim.apply(new Command.PlaceOrders(2));
        sim.runUntil(50);
        sim.apply(new Command.PlaceOrders(1));
        sim.runToEnd();
        return sim;
    }
}
