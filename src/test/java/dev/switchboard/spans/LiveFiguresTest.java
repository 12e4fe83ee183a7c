package dev.switchboard.spans;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.CustomerGauge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live charts' figures beside the main window's gauge over whole sample runs. */
class LiveFiguresTest {

    @ParameterizedTest
    @ValueSource(strings = {"all-sync.json", "hybrid-order.json", "instance-failover.json", "inventory-outage.json"})
    void theChartsCountBlockedOrderWorkersExactlyAsTheGaugeDoesAtEveryMomentOfARun(String sample) throws Exception {
        Flow flow = FlowLoader.loadSample(sample);
        Simulation simulation = new Simulation(flow);
        CustomerGauge gauge = new CustomerGauge();
        LiveFigures figures = new LiveFigures();
        simulation.addListener(gauge);
        simulation.addListener(figures);
        simulation.start();
        int blockedMoments = 0;
        for (double t = 0; simulation.hasPendingEvents() && t < 120_000; t += 25) {
            simulation.runUntil(t);
            int blocked = gauge.reading().orderWorkersBlocked();
            assertEquals(blocked, figures.sample(t).orderWorkersBlocked(), sample + " at " + t + " ms");
            if (blocked > 0) {
                blockedMoments++;
            }
        }
        if (sample.equals("all-sync.json")) {
            assertTrue(blockedMoments > 10, "all-sync blocks Order workers: " + blockedMoments);
        }
    }
}
