package dev.switchboard.trace;

import dev.switchboard.model.ServiceId;
import dev.switchboard.system.Simulation;
import dev.switchboard.testing.MmcKitchen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report's kitchen figures are true: behind its queue, with Poisson arrivals, exponential
 * cooking and zero latencies, the kitchen is an M/M/c system, so the report's mean wait,
 * utilization and time-averaged queue length must match Erlang C and Little's law.
 */
class ReportAgainstQueueingTheoryTest {
    private static final int ORDERS = 100_000;

    @ParameterizedTest(name = "c={0} workers, load {1}")
    @CsvSource({"1, 0.6", "3, 0.75"})
    void theReportedKitchenWaitUtilizationAndQueueLengthMatchErlangC(int workers, double load) {
        double cookMs = 100;
        double arrivalGapMs = cookMs / (load * workers);
        Metrics metrics = new Metrics();
        Simulation simulation = new Simulation(MmcKitchen.flow(workers, cookMs, arrivalGapMs, ORDERS, 99 + workers));
        simulation.addListener(metrics);
        simulation.start();
        simulation.runToEnd();
        Report report = metrics.report();
        Report.Service kitchen = report.services().get(ServiceId.KITCHEN);

        double lambda = 1 / arrivalGapMs;
        double expectedWaitMs = MmcKitchen.erlangCWaitMs(workers, lambda, 1 / cookMs);
        assertEquals(expectedWaitMs, kitchen.meanQueueWaitMs(), expectedWaitMs * 0.06, "mean wait against Erlang C");
        assertEquals(load, kitchen.utilization(), load * 0.03, "utilization against the offered load");
        assertEquals(lambda * expectedWaitMs, kitchen.meanQueueLength(), lambda * expectedWaitMs * 0.07,
                "mean queue length against L = λW");
        assertEquals(ORDERS, report.orders().delivered());
        assertEquals(0, kitchen.blockedMs());
    }
}
