package dev.switchboard.trace;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.ServiceId;
import dev.switchboard.system.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wait for a delivery agent in the shipped samples: bounded in the hybrid flow, the lesson of the courier shortage. */
class AgentWaitInSamplesTest {

    private static Report run(Flow flow) {
        Metrics metrics = new Metrics();
        Simulation simulation = new Simulation(flow);
        simulation.addListener(metrics);
        simulation.start();
        while (simulation.hasPendingEvents() && simulation.step()) {
            // to the end
        }
        return metrics.report();
    }

    @Test
    void theHybridFlowHasEnoughAgentsSoItsDeliveryLatencyDoesNotGrowWithTheNumberOfOrders() throws FlowException {
        Flow hybrid = FlowLoader.loadSample("hybrid-order.json");
        Report few = run(hybrid.withOrderCount(50));
        Report many = run(hybrid.withOrderCount(500));
        assertTrue(many.deliveryLatencyMs().mean() < 1.2 * few.deliveryLatencyMs().mean(),
                few.deliveryLatencyMs() + " vs " + many.deliveryLatencyMs());
        assertTrue(many.services().get(ServiceId.DELIVERY).agentWaitMs().mean() < 100,
                many.services().get(ServiceId.DELIVERY).agentWaitMs().toString());
    }

    @Test
    void inTheCourierShortageTheAgentWaitGrowsWithTheOrdersWhileAcceptanceStaysFast() throws FlowException {
        Flow shortage = FlowLoader.loadSample("courier-shortage.json");
        Report half = run(shortage.withOrderCount(60));
        Report full = run(shortage);
        Report twice = run(shortage.withOrderCount(240));
        Report.Service delivery = full.services().get(ServiceId.DELIVERY);
        assertTrue(delivery.agentWaitMs().mean() > 0.5 * full.deliveryLatencyMs().mean(),
                "most of a delivery is the wait for an agent: " + delivery.agentWaitMs() + " of " + full.deliveryLatencyMs());
        assertTrue(half.services().get(ServiceId.DELIVERY).agentWaitMs().mean() < delivery.agentWaitMs().mean());
        assertTrue(twice.services().get(ServiceId.DELIVERY).agentWaitMs().mean() > 2 * delivery.agentWaitMs().mean());
        assertTrue(delivery.maxAgentQueue() >= 20, "orders pile up for the agents: " + delivery.maxAgentQueue());
        assertTrue(full.acceptLatencyMs().p95() < 200, full.acceptLatencyMs().toString());
        Report enough = run(shortage.withService(ServiceId.DELIVERY,
                shortage.service(ServiceId.DELIVERY).withAgents(7)));
        assertTrue(enough.services().get(ServiceId.DELIVERY).agentWaitMs().mean() < 50);
    }
}
