package dev.switchboard.ui.diagram;

import dev.switchboard.model.CallRefusal;
import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.BulkheadPolicy;
import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.BreakerState;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.WorkerState;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceEvent.InboundArrived;
import dev.switchboard.trace.TraceEvent.InboundTaken;
import dev.switchboard.trace.TraceEvent.InstanceChanged;
import dev.switchboard.trace.TraceEvent.LinkChanged;
import dev.switchboard.trace.TraceEvent.ServiceChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The issue-4 mechanisms in the diagram state, fed hand-built trace events: exact, one mechanism at a time. */
class DiagramStateResilienceTest {

    private static final LinkId OI = LinkId.ORDER_INVENTORY;
    private static final LinkId OK = LinkId.ORDER_KITCHEN;

    private final DiagramState state = new DiagramState();

    private void feed(TraceEvent... events) {
        for (TraceEvent e : events) {
            state.onEvent(e);
        }
    }

    @BeforeEach
    void startRun() {
        feed(new TraceEvent.RunStarted(0, "hand-built", 1),
                new ServiceChanged(0, ServiceId.ORDER, ServiceSpec.defaults().withWorkers(2), true, "start"),
                new ServiceChanged(0, ServiceId.KITCHEN, ServiceSpec.defaults().withWorkers(2), true, "start"));
    }

    private WorkerSlot orderWorker(int index) {
        return state.service(ServiceId.ORDER).workers().stream().filter(w -> w.index() == index).findFirst().orElseThrow();
    }

    @Test
    void workerSlotsAreLabelledFromOneWhileTheirIndexStaysTheEnginesNumber() {
        assertEquals(List.of("w1", "w2"), state.service(ServiceId.ORDER).workers().stream().map(WorkerSlot::label).toList());
        assertEquals(List.of(0, 1), state.service(ServiceId.ORDER).workers().stream().map(WorkerSlot::index).toList());
    }

    @Test
    void aLinkWithoutABreakerHasNoBreakerState() {
        assertNull(state.guards(OI).breaker());
        assertFalse(state.guards(OI).hasBreaker());
        assertFalse(state.guards(OI).hasBulkhead());
        assertEquals("", state.guards(OI).describe());
    }

    @Test
    void theBreakerStartsClosedAndFollowsEveryBreakerChanged() {
        LinkSpec withBreaker = LinkSpec.defaults(OI).withBreaker(BreakerPolicy.defaults());
        feed(new LinkChanged(0, OI, withBreaker, "start"));
        assertEquals(BreakerState.CLOSED, state.guards(OI).breaker());

        feed(new TraceEvent.BreakerChanged(100, OI, BreakerState.CLOSED, BreakerState.OPEN, 0.6, "threshold"));
        assertEquals(BreakerState.OPEN, state.guards(OI).breaker());
        feed(new TraceEvent.BreakerChanged(1600, OI, BreakerState.OPEN, BreakerState.HALF_OPEN, 0.6, "open long enough"));
        assertEquals(BreakerState.HALF_OPEN, state.guards(OI).breaker());

        // A later settings change says the breaker's current state; removing the breaker removes it.
        feed(new LinkChanged(1700, OI, withBreaker.withTimeoutMs(900), "timeout changed", BreakerState.HALF_OPEN, 0, 0));
        assertEquals(BreakerState.HALF_OPEN, state.guards(OI).breaker());
        feed(new LinkChanged(1800, OI, LinkSpec.defaults(OI), "breaker off"));
        assertNull(state.guards(OI).breaker());
    }

    @Test
    void refusedCallsAndRetriesAreCountedOnTheLinkAndTheRetryOnTheWorker() {
        feed(new TraceEvent.WorkerBlocked(10, ServiceId.ORDER, 1, 7, 1, OI, 510),
                new TraceEvent.CallTimedOut(510, 1, OI, 7, ServiceId.ORDER, 1),
                new TraceEvent.WorkerUnblocked(510, ServiceId.ORDER, 1, 7, 1, "timed out"),
                new TraceEvent.RetryScheduled(510, OI, 7, ServiceId.ORDER, 1, 2, 560));
        WorkerSlot w = orderWorker(1);
        assertEquals(2, w.attempt());
        assertTrue(w.retrying());
        assertEquals(560, w.retryAtMs());

        feed(new TraceEvent.WorkerBlocked(560, ServiceId.ORDER, 1, 7, 2, OI, 1060));
        assertEquals(WorkerState.BLOCKED, orderWorker(1).state());
        assertEquals(2, orderWorker(1).attempt(), "the retried call keeps its attempt while it waits");

        feed(new TraceEvent.CallRejected(600, OI, 8, ServiceId.ORDER, 0, CallRefusal.BREAKER_OPEN),
                new TraceEvent.CallRejected(610, OI, 9, ServiceId.ORDER, 0, CallRefusal.BREAKER_OPEN));
        assertEquals(1, state.guards(OI).retries());
        assertEquals(2, state.guards(OI).refused());
        assertEquals("retries 1 · refused 2", state.guards(OI).describe());
        assertTrue(state.lostMarks().stream().anyMatch(m -> m.what().equals("call refused") && m.orderId() == 9));

        feed(new TraceEvent.WorkerIdle(700, ServiceId.ORDER, 1));
        assertEquals(0, orderWorker(1).attempt());
        assertFalse(orderWorker(1).retrying());
    }

    @Test
    void theBulkheadShowsItsPlacesInUseAndTheCallsWaiting() {
        feed(new LinkChanged(0, OI, LinkSpec.defaults(OI).withBulkhead(new BulkheadPolicy(2, true, 1000)), "start"));
        assertEquals("bulkhead 0/2", state.guards(OI).describe());
        feed(new TraceEvent.BulkheadChanged(5, OI, 2, 2, 3));
        CallGuards g = state.guards(OI);
        assertEquals(2, g.bulkheadInUse());
        assertEquals(3, g.bulkheadWaiting());
        assertEquals("bulkhead 2/2 · 3 waiting", g.describe());
        feed(new LinkChanged(9, OI, LinkSpec.defaults(OI), "bulkhead off"));
        assertFalse(state.guards(OI).hasBulkhead());
    }

    @Test
    void theDeadLetterQueueCountsEveryDeadLetteredMessageAndKeepsTheLastFive() {
        for (long order = 1; order <= 7; order++) {
            feed(new TraceEvent.MessageDeadLettered(order * 10, OK, order, 3, "poison"));
        }
        DeadLetters dlq = state.deadLetters(OK);
        assertEquals(7, dlq.count());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), dlq.recent());
        assertEquals(0, state.deadLetters(LinkId.KITCHEN_DELIVERY).count());

        feed(new TraceEvent.EventMissed(100, LinkId.KITCHEN_DELIVERY, 12));
        assertEquals(1, state.deadLetters(LinkId.KITCHEN_DELIVERY).missedEvents());
    }

    @Test
    void aRedeliveredMessageGoesToTheHeadOfTheQueueMarkedUntilItIsTaken() {
        feed(new InboundArrived(1, ServiceId.KITCHEN, 1, InboundKind.QUEUE_MESSAGE, OK, 1, 11, false),
                new InboundArrived(2, ServiceId.KITCHEN, 2, InboundKind.QUEUE_MESSAGE, OK, 2, 12, false),
                new InboundTaken(3, ServiceId.KITCHEN, 0, 1, InboundKind.QUEUE_MESSAGE, 3, 1, OK, 11),
                new TraceEvent.MessageRedelivered(50, OK, 1, 1, "worker crashed", 11),
                new InboundArrived(50, ServiceId.KITCHEN, 1, InboundKind.QUEUE_MESSAGE, OK, 2, 11, true));
        assertEquals(List.of(1L, 2L), state.queueChips());
        assertEquals(Set.of(1L), state.redeliveredWaiting(ServiceId.KITCHEN));

        feed(new InboundTaken(60, ServiceId.KITCHEN, 1, 1, InboundKind.QUEUE_MESSAGE, 10, 1, OK, 11));
        assertEquals(Set.of(), state.redeliveredWaiting(ServiceId.KITCHEN));
    }

    @Test
    void aDuplicateDeliveryMarksTheWorkerForAMoment() {
        feed(new TraceEvent.DuplicateDelivery(100, ServiceId.KITCHEN, 1, 4, false));
        assertEquals(List.of(new DuplicateMark(ServiceId.KITCHEN, 1, 4, false, 100)), state.duplicateMarks());
        state.expireBefore(100 + DuplicateMark.SHOW_MS - 1);
        assertEquals(1, state.duplicateMarks().size());
        state.expireBefore(100 + DuplicateMark.SHOW_MS);
        assertEquals(List.of(), state.duplicateMarks());
    }

    @Test
    void anAckTravelsBackToTheBrokerAsATokenOfItsOwn() {
        feed(new TraceEvent.AckSent(200, OK, 5, 200, 230));
        List<Token> flying = state.tokensInFlightAt(210);
        assertEquals(List.of(new Token(TokenKind.ACK, OK, TokenLeg.ACK, 5, 200, 230)), flying);
    }

    @Test
    void instancesFollowInstanceChangedAndTheirWorkersGoDownWithThem() {
        feed(new ServiceChanged(0, ServiceId.INVENTORY, ServiceSpec.defaults().withWorkers(2).withInstances(2), true, "start"),
                new InstanceChanged(0, ServiceId.INVENTORY, 0, true, false, false, List.of(0, 1), "start"),
                new InstanceChanged(0, ServiceId.INVENTORY, 1, true, false, false, List.of(2, 3), "start"));
        assertEquals(List.of(0, 1), state.instances(ServiceId.INVENTORY).stream().map(InstanceBand::instance).toList());
        assertEquals(List.of(0, 0, 1, 1), state.service(ServiceId.INVENTORY).workers().stream().map(WorkerSlot::instance).toList());

        feed(new InstanceChanged(100, ServiceId.INVENTORY, 1, false, false, false, List.of(2, 3), "crash"));
        InstanceBand crashed = state.instances(ServiceId.INVENTORY).get(1);
        assertFalse(crashed.up());
        assertEquals(List.of(WorkerState.IDLE, WorkerState.IDLE, WorkerState.DOWN, WorkerState.DOWN),
                state.service(ServiceId.INVENTORY).workers().stream().map(WorkerSlot::state).toList());

        feed(new TraceEvent.Routed(120, ServiceId.INVENTORY, 1, 9, 4, false),
                new TraceEvent.Routed(130, ServiceId.INVENTORY, 0, 10, 5, true),
                new TraceEvent.Routed(140, ServiceId.INVENTORY, 1, 11, 6, false));
        crashed = state.instances(ServiceId.INVENTORY).get(1);
        assertEquals(2, crashed.staleCalls());
        assertTrue(crashed.staleAt(140 + InstanceBand.STALE_SHOW_MS - 1));
        assertFalse(crashed.staleAt(140 + InstanceBand.STALE_SHOW_MS));
        assertEquals(0, state.instances(ServiceId.INVENTORY).get(0).staleCalls());

        feed(new InstanceChanged(200, ServiceId.INVENTORY, 1, false, true, false, List.of(2, 3), "shutting down"));
        assertTrue(state.instances(ServiceId.INVENTORY).get(1).retiring());
        feed(new InstanceChanged(300, ServiceId.INVENTORY, 1, false, false, true, List.of(2, 3), "gone"));
        assertEquals(List.of(0), state.instances(ServiceId.INVENTORY).stream().map(InstanceBand::instance).toList());
        assertEquals(List.of(0, 1), state.service(ServiceId.INVENTORY).workers().stream().map(WorkerSlot::index).toList());
    }

    @Test
    void theRegistryListsRegisteredInstancesWithTheirHeartbeatsOnlyWhileDiscoveryIsOn() {
        assertFalse(state.discoveryOn());
        feed(new TraceEvent.DiscoveryChanged(0, new DiscoverySpec(1000, 3, 3000, DiscoverySpec.DEFAULTS.balancing()), "flow"),
                new TraceEvent.RegistryChanged(0, ServiceId.INVENTORY, 0, true, "started"),
                new TraceEvent.RegistryChanged(0, ServiceId.INVENTORY, 1, true, "started"));
        assertTrue(state.discoveryOn());
        assertEquals("heartbeat 1.0 s · 3 missed · cache 3.0 s", state.discoveryDescription());
        assertEquals(List.of(new RegistryEntry(ServiceId.INVENTORY, 0, true, -1, 0),
                new RegistryEntry(ServiceId.INVENTORY, 1, true, -1, 0)), state.registry(ServiceId.INVENTORY));

        feed(new TraceEvent.Heartbeat(1000, ServiceId.INVENTORY, 1));
        RegistryEntry beat = state.registry(ServiceId.INVENTORY).get(1);
        assertTrue(beat.pulsingAt(1000 + RegistryEntry.PULSE_MS - 1));
        assertFalse(beat.pulsingAt(1000 + RegistryEntry.PULSE_MS));
        assertFalse(state.registry(ServiceId.INVENTORY).get(0).pulsingAt(1000));

        feed(new TraceEvent.RegistryChanged(4000, ServiceId.INVENTORY, 0, false, "3 heartbeats missed"));
        assertFalse(state.registry(ServiceId.INVENTORY).get(0).registered());
        assertEquals(4000, state.registry(ServiceId.INVENTORY).get(0).changedAtMs());

        feed(new TraceEvent.DiscoveryChanged(5000, null, "discovery off"));
        assertFalse(state.discoveryOn());
        assertEquals(List.of(), state.registry(ServiceId.INVENTORY));
    }
}
