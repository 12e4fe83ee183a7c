package dev.switchboard.trace;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.SampleFlow;
import dev.switchboard.flow.SampleFlows;
import dev.switchboard.model.ServiceId;
import dev.switchboard.system.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metrics on whole runs of the shipped samples, checked against the engine's own counts and against Little's law. */
class MetricsOnRealRunsTest {

    private static Report run(Simulation simulation) {
        Metrics metrics = new Metrics();
        simulation.addListener(metrics);
        simulation.start();
        simulation.runToEnd();
        return metrics.report();
    }

    static Stream<String> samples() {
        return SampleFlows.all().stream().map(SampleFlow::fileName);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleIsCountedConsistentlyWithTheEngineAndQueueingLaws(String sample) throws Exception {
        Flow flow = FlowLoader.loadSample(sample).withOrderCount(400);
        Simulation simulation = new Simulation(flow);
        Report report = run(simulation);

        assertEquals(simulation.emittedTraceEvents(), report.events());
        assertEquals(simulation.placedOrders(), report.orders().placed());
        assertEquals(simulation.finishedOrders(), report.orders().finished());
        assertEquals(400, report.orders().placed());
        assertEquals(0, report.orders().inFlight(), "the run went to its end");
        assertEquals(report.orders().placed(), report.orders().finished() + report.orders().inFlight());
        assertEquals(report.orders().delivered(), report.deliveryLatencyMs().count());
        assertTrue(report.simulatedMs() > 0);

        for (ServiceId id : ServiceId.values()) {
            Report.Service s = report.services().get(id);
            String where = sample + " " + id.key();
            assertTrue(s.utilization() >= 0 && s.utilization() <= 1, where + " utilization " + s.utilization());
            assertTrue(s.errors() <= s.handled(), where);
            if (s.dropped() == 0) {
                // Little's law on the finished run: the area under the queue length is the sum of all waits
                double area = s.meanQueueLength() * report.simulatedMs();
                double waits = s.meanQueueWaitMs() * s.taken();
                assertEquals(waits, area, 1e-6 * Math.max(1, waits), where + ": queue area vs waits");
            }
        }
    }
}
