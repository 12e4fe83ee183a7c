package dev.switchboard.system;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        Simulation simulation = new Simulation(mmcFlow(workers, cookMs, arrivalGapMs));
        TraceTally tally = new TraceTally(ServiceId.KITCHEN);
        simulation.addListener(tally);
        simulation.start();
        simulation.runToEnd();

        double expectedWaitMs = erlangCWaitMs(workers, 1 / arrivalGapMs, 1 / cookMs);
        double simulatedMs = tally.lastTimeMs;
        double utilization = tally.occupiedMs / (workers * simulatedMs);

        assertEquals(expectedWaitMs, tally.meanWaitMs(), expectedWaitMs * 0.05,
                "mean queue wait against Erlang C");
        assertEquals(load, utilization, load * 0.02, "utilization against the offered load");
        double arrivalRate = tally.waitCount / simulatedMs;
        assertEquals(arrivalRate * tally.meanWaitMs(), tally.meanDepth(simulatedMs),
                tally.meanDepth(simulatedMs) * 0.01, "Little's law: L = λW for the kitchen queue");
    }

    /** Erlang C: the mean time in queue of an M/M/c system with arrival rate λ and service rate μ per worker. */
    static double erlangCWaitMs(int c, double lambda, double mu) {
        double a = lambda / mu;
        double rho = a / c;
        double term = 1;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double last = term / (1 - rho);
        double probabilityOfWaiting = last / (sum + last);
        return probabilityOfWaiting / (c * mu - lambda);
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
        return new Flow("M/M/" + kitchenWorkers, "", 2024 + kitchenWorkers,
                new OrdersSpec(ORDERS, new Distribution.Exponential(arrivalGapMs)), services, links, List.of());
    }
}
