package dev.switchboard.trace;

import dev.switchboard.flow.FlowLoader;
import dev.switchboard.spans.LiveFigures;
import dev.switchboard.system.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The views count blocked Order workers from the engine's WorkerBlocked and WorkerUnblocked alone: when
 * the Order Service crashes while a worker waits on the stock check, the trace unblocks it ("crash"), so
 * no view infers it from the WorkLost that follows.
 */
class BlockedWorkersAfterCrashTest {

    @Test
    void anOrderWorkerBlockedWhenItsServiceCrashesIsNoLongerCountedByTheGaugeOrTheLiveFigures() throws Exception {
        Simulation simulation = new Simulation(FlowLoader.parse("""
                { "name": "blocked crash", "orders": { "count": 1, "interarrivalMs": 0 },
                  "services": { "inventory": { "workMs": 100 } },
                  "faults": [ { "service": "order", "kind": "down", "atMs": 50, "forMs": 10 } ] }""", "test.json"));
        CustomerGauge gauge = new CustomerGauge(CustomerGauge.DEFAULT_WINDOW);
        LiveFigures figures = new LiveFigures();
        simulation.addListener(gauge);
        simulation.addListener(figures);
        simulation.start();
        simulation.runUntil(40);
        assertEquals(1, gauge.reading().orderWorkersBlocked(), "blocked on the stock check");
        assertEquals(1, figures.sample(40).orderWorkersBlocked());
        simulation.runUntil(55);
        assertEquals(0, gauge.reading().orderWorkersBlocked(), "the crash unblocked it");
        assertEquals(0, figures.sample(55).orderWorkersBlocked());
    }
}
