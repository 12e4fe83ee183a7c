package dev.switchboard.sweep;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;

import dev.switchboard.trace.QueueTheory;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What queueing theory says of a flow, where it has an answer: the Kitchen's mean queue wait as an
 * M/M/c queue (Poisson arrivals, exponential work, c = workers × instances, arrival rate thinned
 * by the stock-outs), and the mean acceptance latency as the sum of the mean hop latencies and
 * work times along the sync chain (no waiting anywhere but, for a sync Kitchen, that M/M/c wait).
 * Faults, errors, losses and retries are outside both.
 */
public final class Theory {
    private Theory() {
    }

    public static Map<Figure, Double> of(Flow flow) {
        Map<Figure, Double> values = new EnumMap<>(Figure.class);
        kitchenWaitMs(flow).ifPresent(v -> values.put(Figure.KITCHEN_WAIT_MS, v));
        acceptMeanMs(flow).ifPresent(v -> values.put(Figure.ACCEPT_MEAN_MS, v));
        return values;
    }

    /** The M/M/c mean wait in the Kitchen's queue, when arrivals are Poisson, work exponential and the queue stable. */
    public static OptionalDouble kitchenWaitMs(Flow flow) {
        ServiceSpec kitchen = flow.service(ServiceId.KITCHEN);
        if (!(flow.orders().interarrivalMs() instanceof Distribution.Exponential arrivals)
                || !(kitchen.workMs() instanceof Distribution.Exponential work)) {
            return OptionalDouble.empty();
        }
        double stockOut = flow.service(ServiceId.INVENTORY).stockOutRate();
        double lambda = (1 - stockOut) / arrivals.meanMs();
        double mu = 1 / (work.meanMs() * kitchen.slowdown());
        int c = kitchen.workers() * kitchen.instances();
        return QueueTheory.erlangCWaitMs(lambda, mu, c);
    }

    /**
     * The mean time from placing an order to the customer's answer with no waiting: the stock check
     * there and back, then (for accepted orders) the payment and, for a sync Kitchen, the Kitchen's
     * part of the chain with its M/M/c wait when that is known.
     */
    public static OptionalDouble acceptMeanMs(Flow flow) {
        LinkSpec stock = flow.link(LinkId.ORDER_INVENTORY);
        double check = 2 * stock.latencyMs().meanMs() + work(flow, ServiceId.INVENTORY);
        double accepted = check + work(flow, ServiceId.ORDER);
        LinkSpec kitchenLink = flow.link(LinkId.ORDER_KITCHEN);
        if (kitchenLink.style() == LinkStyle.SYNC) {
            OptionalDouble wait = kitchenWaitMs(flow);
            if (wait.isEmpty() && flow.orders().interarrivalMs() instanceof Distribution.Exponential
                    && flow.service(ServiceId.KITCHEN).workMs() instanceof Distribution.Exponential) {
                return OptionalDouble.empty(); // an unstable kitchen: the wait grows without bound
            }
            accepted += 2 * kitchenLink.latencyMs().meanMs() + work(flow, ServiceId.KITCHEN) + wait.orElse(0);
            LinkSpec delivery = flow.link(LinkId.KITCHEN_DELIVERY);
            if (delivery.style() == LinkStyle.SYNC) {
                accepted += 2 * delivery.latencyMs().meanMs() + work(flow, ServiceId.DELIVERY);
            }
        }
        double stockOut = flow.service(ServiceId.INVENTORY).stockOutRate();
        return OptionalDouble.of(stockOut * check + (1 - stockOut) * accepted);
    }

    private static double work(Flow flow, ServiceId id) {
        ServiceSpec spec = flow.service(id);
        return spec.workMs().meanMs() * spec.slowdown();
    }
}
