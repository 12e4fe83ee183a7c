package dev.switchboard.system;

import dev.switchboard.model.ServiceId;
import dev.switchboard.testing.MmcKitchen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The numbers are true: with Poisson arrivals, exponential cooking and zero latencies the kitchen
 * behind its queue is an M/M/c system, so its mean wait and utilization must match Erlang C, and
 * Little's law must hold for its queue.
 */
class QueueingTheoryTest {
    private static final int ORDERS = 200_000;

    @ParameterizedTest(name = "c={0} workers, load {1}")
    @CsvSource({"1, 0.5", "2, 0.7", "3, 0.8", "4, 0.6"})
    void theKitchenBehindItsQueueMatchesErlangC(int workers, double load) {
        double cookMs = 100;
        double arrivalGapMs = cookMs / (load * workers);
        Simulation simulation = new Simulation(MmcKitchen.flow(workers, cookMs, arrivalGapMs, ORDERS, 2024 + workers));
        TraceTally tally = new TraceTally(ServiceId.KITCHEN);
        simulation.addListener(tally);
        simulation.start();
        simulation.runToEnd();

        double expectedWaitMs = MmcKitchen.erlangCWaitMs(workers, 1 / arrivalGapMs, 1 / cookMs);
        double simulatedMs = tally.lastTimeMs;
        double utilization = tally.occupiedMs / (workers * simulatedMs);

        assertEquals(expectedWaitMs, tally.meanWaitMs(), expectedWaitMs * 0.05,
                "mean queue wait against Erlang C");
        assertEquals(load, utilization, load * 0.02, "utilization against the offered load");
        double arrivalRate = tally.waitCount / simulatedMs;
        assertEquals(arrivalRate * tally.meanWaitMs(), tally.meanDepth(simulatedMs),
                tally.meanDepth(simulatedMs) * 0.01, "Little's law: L = λW for the kitchen queue");
    }
}
