package dev.switchboard.ui.diagram;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.flow.SampleFlows;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;

import java.util.List;
import java.util.Map;

/**
 * Flows for the diagram's tests, screenshots and frame-rate benchmark: the shipped hybrid sample with
 * another order count and seed, a slowed-down variant for the eye, and a busy variant that keeps well
 * over a thousand tokens travelling at once.
 */
final class DiagramFlows {

    private DiagramFlows() {
    }

    /** The shipped hybrid sample (sync stock check, queued kitchen, event-driven delivery, Kitchen down 10–15 s). */
    static Flow hybrid(int orders, long seed) {
        try {
            return FlowLoader.loadSample(SampleFlows.DEFAULT_FILE).withOrderCount(orders).withSeed(seed);
        } catch (FlowException e) {
            throw new IllegalStateException("the shipped sample does not load: " + e.getMessage(), e);
        }
    }

    /**
     * The hybrid flow slowed down for the eye: link latencies of a few hundred ms so that every kind
     * of token is seen travelling, some inventory errors and timeouts, and a lossy MealReady link.
     */
    static Flow showcase(int orders, long seed) {
        Flow hybrid = hybrid(orders, seed);
        return hybrid
                .withService(ServiceId.INVENTORY, hybrid.service(ServiceId.INVENTORY).withErrorRate(0.1)
                        .withWorkMs(new Distribution.Exponential(250)))
                .withLink(LinkId.ORDER_INVENTORY, hybrid.link(LinkId.ORDER_INVENTORY)
                        .withLatencyMs(new Distribution.Uniform(300, 600)).withTimeoutMs(1500))
                .withLink(LinkId.ORDER_KITCHEN, hybrid.link(LinkId.ORDER_KITCHEN)
                        .withLatencyMs(new Distribution.Uniform(400, 800)))
                .withLink(LinkId.KITCHEN_DELIVERY, hybrid.link(LinkId.KITCHEN_DELIVERY)
                        .withLatencyMs(new Distribution.Uniform(400, 800)).withLossRate(0.1));
    }

    /**
     * A flow built to crowd the diagram with tokens: {@code ratePerSecond} orders a second for
     * {@code seconds}, a quick stock check (2–8 ms), slow asynchronous links (1–2 s) and enough
     * workers (24 Order, 8 Inventory, 24 Kitchen, 8 Delivery) that nothing backs up, so that with 500
     * orders a second about 500 × (1.5 s queued message + 1.5 s event + 2 × 0.12 s hops) ≈ 1,600
     * tokens travel at once.
     */
    static Flow crowded(double ratePerSecond, double seconds, long seed) {
        int orders = (int) Math.ceil(ratePerSecond * seconds);
        Distribution slow = new Distribution.Uniform(1000, 2000);
        return new Flow("Crowded diagram", "frame-rate benchmark", seed,
                new OrdersSpec(orders, new Distribution.Exponential(1000 / ratePerSecond)),
                Map.of(
                        ServiceId.ORDER, ServiceSpec.defaults().withWorkers(24).withWorkMs(Distribution.fixed(1)),
                        ServiceId.INVENTORY, ServiceSpec.defaults().withWorkers(8).withWorkMs(Distribution.fixed(1))
                                .withStockOutRate(0.02).withErrorRate(0.02),
                        ServiceId.KITCHEN, ServiceSpec.defaults().withWorkers(24).withWorkMs(Distribution.fixed(20)),
                        ServiceId.DELIVERY, ServiceSpec.defaults().withWorkers(8).withWorkMs(Distribution.fixed(2))
                                .withTripMs(new Distribution.Uniform(1000, 3000))),
                Map.of(
                        LinkId.ORDER_INVENTORY, LinkSpec.defaults(LinkId.ORDER_INVENTORY)
                                .withLatencyMs(new Distribution.Uniform(2, 8)).withTimeoutMs(1_000),
                        LinkId.ORDER_KITCHEN, LinkSpec.defaults(LinkId.ORDER_KITCHEN).withLatencyMs(slow),
                        LinkId.KITCHEN_DELIVERY, LinkSpec.defaults(LinkId.KITCHEN_DELIVERY).withLatencyMs(slow).withLossRate(0.01)),
                List.of());
    }
}
