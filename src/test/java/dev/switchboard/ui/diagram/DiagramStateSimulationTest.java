package dev.switchboard.ui.diagram;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.WorkerState;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diagram state driven by the real engine: it must agree with what the engine reports. */
class DiagramStateSimulationTest {

    @Test
    void theDiagramsInboundLinesMatchTheDepthsTheEngineReportsAtEveryStep() {
        Simulation sim = new Simulation(DiagramFlows.hybrid(50, 42));
        DiagramState state = new DiagramState();
        List<String> mismatches = new ArrayList<>();
        sim.addListener(state);
        sim.addListener(depthCheck(state, mismatches, Integer.MAX_VALUE));
        sim.start();
        sim.runToEnd();

        assertEquals(List.of(), mismatches);
        CustomerTally tally = state.customer();
        assertEquals(50, tally.placed());
        assertEquals(0, tally.open(), "every order ended in one bucket");
        assertTrue(state.queueChips().isEmpty());
        assertTrue(state.tokensInFlightAt(sim.nowMs()).isEmpty());
        for (ServiceId id : ServiceId.values()) {
            assertTrue(state.service(id).workers().stream().allMatch(w -> w.state() == WorkerState.IDLE),
                    id + " is idle at the end");
        }
        assertEquals(dev.switchboard.model.OrderStatus.PLACED, state.historyOf(1).get(0).to());
        assertTrue(state.statusOf(1).isTerminal());
    }

    static java.util.List<String> sampleFiles() {
        return dev.switchboard.flow.SampleFlows.fileNames();
    }

    /**
     * A listener that notes every inbound event whose depth (as the engine reports it) differs from
     * the diagram's line length for that service, up to {@code limit} notes.
     */
    private static dev.switchboard.trace.TraceListener depthCheck(DiagramState state, List<String> mismatches, int limit) {
        return e -> {
            ServiceId service = null;
            int depth = -1;
            if (e instanceof TraceEvent.InboundArrived a) {
                service = a.service();
                depth = a.depth();
            } else if (e instanceof TraceEvent.InboundTaken t) {
                service = t.service();
                depth = t.depth();
            } else if (e instanceof TraceEvent.InboundDropped d) {
                service = d.service();
                depth = d.depth();
            }
            if (service != null && state.lineLength(service) != depth && mismatches.size() < limit) {
                mismatches.add(e + " but the diagram has " + state.lineLength(service));
            }
        };
    }

    /** Every shipped sample, the resilience ones included: lines match the engine, and the run ends clean. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("sampleFiles")
    void everySampleFlowKeepsTheDiagramInStepWithTheEngine(String fileName) throws Exception {
        Simulation sim = new Simulation(dev.switchboard.flow.SampleFlows.byFileName(fileName).orElseThrow().load());
        DiagramState state = new DiagramState();
        List<String> mismatches = new ArrayList<>();
        sim.addListener(state);
        sim.addListener(depthCheck(state, mismatches, 5));
        sim.start();
        sim.runUntil(600_000);

        assertEquals(List.of(), mismatches);
        assertEquals(sim.placedOrders(), state.customer().placed());
        assertEquals(sim.placedOrders() - sim.finishedOrders(), state.customer().open(), "open orders");
    }

    @Test
    void whileKitchenIsDownItsWorkersShowDownAndTheQueueGrows() {
        Simulation sim = new Simulation(DiagramFlows.hybrid(50, 42));
        DiagramState state = new DiagramState();
        sim.addListener(state);
        sim.start();
        sim.runUntil(14_900);

        ServiceStatus kitchen = state.service(ServiceId.KITCHEN);
        assertFalse(kitchen.up());
        assertTrue(kitchen.workers().stream().allMatch(w -> w.state() == WorkerState.DOWN));
        assertTrue(state.queueChips().size() >= 5, "messages wait in the broker: " + state.queueChips());

        sim.runUntil(30_000);
        assertTrue(state.service(ServiceId.KITCHEN).up());
        assertTrue(state.queueChips().size() < 5, "the queue drains once Kitchen is back");
    }

    @Test
    void flippingOrderToKitchenToSyncBlocksOrderWorkersOnTheKitchen() {
        Simulation sim = new Simulation(DiagramFlows.hybrid(50, 42));
        DiagramState state = new DiagramState();
        sim.addListener(state);
        sim.start();
        sim.runUntil(2_000);
        sim.apply(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC));
        assertEquals(LinkStyle.SYNC, state.link(LinkId.ORDER_KITCHEN).style());

        boolean sawBlockedOnKitchen = false;
        boolean sawDirectKitchenCall = false;
        while (sim.nowMs() < 9_000 && sim.step()) {
            sawBlockedOnKitchen |= state.service(ServiceId.ORDER).workers().stream()
                    .anyMatch(w -> w.state() == WorkerState.BLOCKED && w.callee() == ServiceId.KITCHEN);
            sawDirectKitchenCall |= state.tokens().stream()
                    .anyMatch(t -> t.link() == LinkId.ORDER_KITCHEN && t.leg() == TokenLeg.CALL);
        }
        assertTrue(sawBlockedOnKitchen, "an Order worker waited for the Kitchen");
        assertTrue(sawDirectKitchenCall, "a request went on the direct edge");
    }

    @Test
    void aQueuedOrdersTakeByTheKitchenStartsAHopFromTheBroker() {
        Simulation sim = new Simulation(DiagramFlows.hybrid(10, 42));
        DiagramState state = new DiagramState();
        List<TraceEvent.InboundTaken> takes = new ArrayList<>();
        sim.addListener(state);
        sim.addListener(e -> {
            if (e instanceof TraceEvent.InboundTaken t && t.kind() == InboundKind.QUEUE_MESSAGE && takes.isEmpty()) {
                takes.add(t);
                assertTrue(state.tokensInFlightAt(t.timeMs()).stream()
                        .anyMatch(tok -> tok.orderId() == t.orderId() && tok.leg() == TokenLeg.FROM_HUB));
            }
        });
        sim.start();
        sim.runToEnd();
        assertEquals(1, takes.size());
    }
}
