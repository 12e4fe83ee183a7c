package dev.switchboard.system;

import dev.switchboard.flow.FaultSpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.FlowWriter;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The random flows of the property tests, written by the flow writer and read back: equal to what a
 * file can say of them. A flow built in code may hold settings the format gives only to other services
 * or links (a kitchen's stock-out rate), which the engine never reads, and a down fault on an instance
 * the service does not run, which a file refuses, or a value on a down fault, which a file cannot give; those are set aside before comparing.
 */
class RandomFlowsWrittenTest {

    @Test
    void theRandomFlowsOfThePropertyTestsAreWrittenAndReadBackEqual() throws FlowException {
        for (int i = 0; i < 300; i++) {
            Flow flow = expressible(ConservationPropertyTest.randomFlow(new SplittableRandom(1000 + i), i));
            String text = FlowWriter.write(flow);
            assertEquals(flow, FlowLoader.parse(text, "random-" + i + ".json"), text);
        }
    }

    /** The flow as a file can say it. */
    static Flow expressible(Flow flow) {
        ServiceSpec d = ServiceSpec.defaults();
        for (ServiceId id : ServiceId.values()) {
            ServiceSpec s = flow.service(id);
            if (id != ServiceId.INVENTORY) {
                s = s.withStockOutRate(d.stockOutRate());
            }
            if (id != ServiceId.DELIVERY) {
                s = s.withAgents(d.agents()).withTripMs(d.tripMs());
            }
            if (id != ServiceId.KITCHEN && id != ServiceId.DELIVERY) {
                s = s.withPoisonRate(d.poisonRate()).withIdempotent(d.idempotent());
            }
            flow = flow.withService(id, s);
        }
        for (LinkId id : LinkId.values()) {
            LinkSpec l = flow.link(id);
            LinkSpec ld = LinkSpec.defaults(id);
            if (id != LinkId.ORDER_INVENTORY) {
                l = l.withFallback(ld.fallback());
            } else {
                l = l.withCapacity(ld.capacity()).withDelivery(ld.delivery());
            }
            if (id != LinkId.KITCHEN_DELIVERY) {
                l = l.withDelivery(l.delivery().withDurable(ld.delivery().durable()));
            }
            flow = flow.withLink(id, l);
        }
        Flow f = flow;
        List<FaultSpec> faults = flow.faults().stream()
                .filter(fault -> fault.instance() == FaultSpec.ALL_INSTANCES || fault.instance() < f.service(fault.service()).instances())
                // a down fault has no value; the generator gives it one all the same
                .map(fault -> fault.kind() == FaultKind.DOWN ? new FaultSpec(fault.service(), fault.link(), fault.kind(),
                        fault.atMs(), fault.forMs(), 0, fault.instance()) : fault)
                .toList();
        return new Flow(f.name(), f.description(), f.seed(), f.orders(), f.services(), f.links(), faults, f.discovery(),
                f.beats(), f.script());
    }
}
