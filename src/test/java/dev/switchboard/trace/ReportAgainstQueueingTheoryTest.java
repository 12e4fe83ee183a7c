package dev.switchboard.trace;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.system.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        Simulation simulation = new Simulation(mmcFlow(workers, cookMs, arrivalGapMs));
        simulation.addListener(metrics);
        simulation.start();
        simulation.runToEnd();
        Report report = metrics.report();
        Report.Service kitchen = report.services().get(ServiceId.KITCHEN);

        double lambda = 1 / arrivalGapMs;
        double expectedWaitMs = erlangCWaitMs(workers, lambda, 1 / cookMs);
        assertEquals(expectedWaitMs, kitchen.meanQueueWaitMs(), expectedWaitMs * 0.06, "mean wait against Erlang C");
        assertEquals(load, kitchen.utilization(), load * 0.03, "utilization against the offered load");
        assertEquals(lambda * expectedWaitMs, kitchen.meanQueueLength(), lambda * expectedWaitMs * 0.07,
                "mean queue length against L = λW");
        assertEquals(ORDERS, report.orders().delivered());
        assertEquals(0, kitchen.blockedMs());
    }

    private static double erlangCWaitMs(int c, double lambda, double mu) {
        double a = lambda / mu;
        double rho = a / c;
        double term = 1;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double last = term / (1 - rho);
        return last / (sum + last) / (c * mu - lambda);
    }

    private static Flow mmcFlow(int kitchenWorkers, double cookMs, double arrivalGapMs) {
        Map<ServiceId, ServiceSpec> services = new EnumMap<>(ServiceId.class);
        services.put(ServiceId.ORDER, ServiceSpec.defaults().withWorkers(64));
        services.put(ServiceId.INVENTORY, ServiceSpec.defaults().withWorkers(64));
        services.put(ServiceId.KITCHEN, ServiceSpec.defaults().withWorkers(kitchenWorkers)
                .withWorkMs(new Distribution.Exponential(cookMs)));
        services.put(ServiceId.DELIVERY, ServiceSpec.defaults().withWorkers(64));
        Map<LinkId, LinkSpec> links = new EnumMap<>(LinkId.class);
        for (LinkId id : LinkId.values()) {
            links.put(id, LinkSpec.defaults(id));
        }
        return new Flow("M/M/" + kitchenWorkers, "", 99 + kitchenWorkers,
                new OrdersSpec(ORDERS, new Distribution.Exponential(arrivalGapMs)), services, links, List.of());
    }
}
