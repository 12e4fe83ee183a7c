package dev.switchboard.testing;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The kitchen behind its queue as an M/M/c system, for tests that check the numbers against
 * queueing theory: Poisson arrivals, exponential cooking, zero latencies, every other service
 * instant and never short of workers.
 */
public final class MmcKitchen {
    private MmcKitchen() {
    }

    /** A flow whose kitchen is M/M/{@code kitchenWorkers} with the given mean cooking time and arrival gap. */
    public static Flow flow(int kitchenWorkers, double cookMs, double arrivalGapMs, int orders, long seed) {
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
        return new Flow("M/M/" + kitchenWorkers, "", seed,
                new OrdersSpec(orders, new Distribution.Exponential(arrivalGapMs)), services, links, List.of());
    }

    /** Erlang C: the mean time in queue of an M/M/c system with arrival rate λ and service rate μ per worker. */
    public static double erlangCWaitMs(int c, double lambda, double mu) {
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
}
