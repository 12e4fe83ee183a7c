package dev.switchboard.system;

import dev.switchboard.flow.FaultSpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;

import java.util.List;
import java.util.Map;

/** Flows built in code for engine tests, so they do not depend on the sample files. */
final class TestFlows {
    private TestFlows() {
    }

    /** The hybrid flow of issue 2 (sync stock check, queued kitchen, event-driven delivery). */
    static Flow hybrid(int orders, long seed) {
        return new Flow("Hybrid order flow", "test", seed,
                new OrdersSpec(orders, new Distribution.Exponential(400)),
                Map.of(
                        ServiceId.ORDER, ServiceSpec.defaults().withWorkers(4).withWorkMs(Distribution.fixed(5)),
                        ServiceId.INVENTORY, ServiceSpec.defaults().withWorkers(2).withWorkMs(new Distribution.Exponential(30))
                                .withStockOutRate(0.05),
                        ServiceId.KITCHEN, ServiceSpec.defaults().withWorkers(2).withWorkMs(new Distribution.Uniform(300, 900)),
                        ServiceId.DELIVERY, ServiceSpec.defaults().withWorkers(2).withWorkMs(Distribution.fixed(20)).withAgents(3)
                                .withTripMs(new Distribution.Uniform(1000, 3000))),
                Map.of(
                        LinkId.ORDER_INVENTORY, LinkSpec.defaults(LinkId.ORDER_INVENTORY).withLatencyMs(Distribution.fixed(20))
                                .withTimeoutMs(1000),
                        LinkId.ORDER_KITCHEN, LinkSpec.defaults(LinkId.ORDER_KITCHEN).withLatencyMs(Distribution.fixed(5)).withCapacity(1000),
                        LinkId.KITCHEN_DELIVERY, LinkSpec.defaults(LinkId.KITCHEN_DELIVERY).withLatencyMs(Distribution.fixed(5))),
                List.of(new FaultSpec(ServiceId.KITCHEN, null, FaultKind.DOWN, 10_000, 5_000, 0)));
    }

    static Flow withStyle(Flow flow, LinkId link, LinkStyle style) {
        return flow.withLink(link, flow.link(link).withStyle(style));
    }
}
