package dev.switchboard.system;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.CallRefusal;
import dev.switchboard.model.LateAck;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Narrator;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceInvariants;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact runs for the trace and outcome defects of issue 8 (items 1–7), each seeded from its
 * reproduction in the shared repro folder: each fails without its fix. Every run is also checked
 * whole by {@link TraceInvariants}.
 */
class TraceOutcomeFixesTest {

    /** A finished run: its trace, its report and the invariants' verdict. */
    private record Run(RecordingRun recording, Report report) {
        <T extends TraceEvent> List<T> all(Class<T> type) {
            return recording.all(type);
        }

        Outcome outcome(long orderId) {
            return all(TraceEvent.OrderFinished.class).stream().filter(f -> f.orderId() == orderId)
                    .findFirst().orElseThrow().outcome();
        }
    }

    private static Run run(String json) throws FlowException {
        Flow flow = FlowLoader.parse(json, "test.json");
        Simulation simulation = new Simulation(flow);
        TraceInvariants invariants = new TraceInvariants();
        Metrics metrics = new Metrics();
        simulation.addListener(invariants);
        simulation.addListener(metrics);
        RecordingRun recording = new RecordingRun(simulation);
        simulation.runToEnd();
        Report report = metrics.report();
        assertEquals(List.of(), invariants.violations(report, true));
        return new Run(recording, report);
    }

    // ------------------------------------------------------------------ 1. a blocked worker that crashes

    @Test
    void anOrderWorkerBlockedOnTheStockCheckIsUnblockedOnceWhenItsServiceCrashes() throws FlowException {
        Run run = run("""
                { "name": "blocked crash", "orders": { "count": 1, "interarrivalMs": 0 },
                  "services": { "inventory": { "workMs": 100 } },
                  "faults": [ { "service": "order", "kind": "down", "atMs": 50, "forMs": 10 } ] }""");
        List<TraceEvent.WorkerUnblocked> unblocked = run.all(TraceEvent.WorkerUnblocked.class);
        assertEquals(1, unblocked.size());
        assertEquals("crash", unblocked.get(0).reason());
        assertEquals(50, unblocked.get(0).timeMs());
        int unblockedAt = run.recording().events.indexOf(unblocked.get(0));
        int lostAt = run.recording().events.indexOf(run.recording().first(TraceEvent.WorkLost.class));
        assertTrue(unblockedAt < lostAt, "unblocked, then its work is lost");
        assertTrue(new Narrator().narrate(unblocked.get(0)).contains("crashed"));
    }

    @Test
    void aKitchenWorkerBlockedOnASyncHandOverIsUnblockedWhenTheKitchenCrashes() throws FlowException {
        Run run = run(KITCHEN_CRASH_DURING_HAND_OVER.formatted(true));
        assertEquals(1, run.all(TraceEvent.WorkerUnblocked.class).stream()
                .filter(u -> u.service() == ServiceId.KITCHEN && u.reason().equals("crash") && u.timeMs() == 300).count());
    }

    // ------------------------------------------------------------------ 2. delivered twice with idempotent consumers

    private static final String KITCHEN_CRASH_DURING_HAND_OVER = """
            { "name": "kitchen crash during a sync hand-over", "orders": { "count": 1, "interarrivalMs": 0 },
              "services": { "kitchen": { "workMs": 100, "idempotent": true },
                            "delivery": { "workMs": 500, "tripMs": 1000, "idempotent": %s } },
              "links": { "order->kitchen": { "acks": true }, "kitchen->delivery": { "style": "sync" } },
              "faults": [ { "service": "kitchen", "kind": "down", "atMs": 300, "forMs": 100 } ] }""";

    @Test
    void anIdempotentDeliveryAnswersARepeatedSyncHandOverWithoutASecondCourier() throws FlowException {
        Run run = run(KITCHEN_CRASH_DURING_HAND_OVER.formatted(true));
        assertEquals(1, run.all(TraceEvent.AgentAssigned.class).size());
        assertEquals(Outcome.DELIVERED, run.outcome(1));
        assertEquals(1, run.report().services().get(ServiceId.DELIVERY).duplicatesSkipped());
        assertEquals(0, run.report().orders().tripsAfterFate());
    }

    @Test
    void anIdempotentDeliveryIgnoresTheHandOverRepeatedAfterALostReply() throws FlowException {
        Run run = run("""
                { "name": "lost reply", "orders": { "count": 1, "interarrivalMs": 0 },
                  "services": { "kitchen": { "workMs": 100, "idempotent": true },
                                "delivery": { "workMs": 50, "tripMs": 1000, "idempotent": true } },
                  "links": { "order->kitchen": { "acks": true },
                             "kitchen->delivery": { "style": "sync", "timeoutMs": 1000 } },
                  "faults": [ { "link": "kitchen->delivery", "kind": "loss", "rate": 1, "atMs": 140, "forMs": 20 } ] }""");
        assertEquals(1, run.all(TraceEvent.AgentAssigned.class).size());
        assertEquals(List.of(true), run.all(TraceEvent.DuplicateDelivery.class).stream()
                .filter(d -> d.service() == ServiceId.DELIVERY).map(TraceEvent.DuplicateDelivery::skipped).toList());
    }

    @Test
    void aDeliveryThatIsNotIdempotentReportsTheRepeatedHandOverAndItsSecondCourier() throws FlowException {
        Run run = run(KITCHEN_CRASH_DURING_HAND_OVER.formatted(false));
        assertEquals(2, run.all(TraceEvent.AgentAssigned.class).size());
        assertEquals(1, run.report().services().get(ServiceId.DELIVERY).duplicates());
        TraceEvent.TripForFinishedOrder extra = run.recording().first(TraceEvent.TripForFinishedOrder.class);
        assertEquals(Outcome.DELIVERED, extra.fate());
        assertEquals(1, run.report().orders().tripsAfterFate());
    }

    @Test
    void anIdempotentKitchenAnswersARetriedSyncRequestWithoutCookingAgain() throws FlowException {
        // the retry of a timed-out call reaches a kitchen that has already cooked and handed the meal on
        Run run = run("""
                { "name": "retried kitchen call", "orders": { "count": 1, "interarrivalMs": 0 },
                  "services": { "kitchen": { "workMs": 500, "idempotent": true },
                                "delivery": { "workMs": 10, "tripMs": 1000, "idempotent": true } },
                  "links": { "order->kitchen": { "style": "sync", "timeoutMs": 300,
                                                 "retry": { "maxAttempts": 2, "baseDelayMs": 0 } } } }""");
        assertEquals(1, run.all(TraceEvent.WorkStarted.class).stream()
                .filter(w -> w.service() == ServiceId.KITCHEN).count());
        assertEquals(Outcome.DELIVERED, run.outcome(1));
        assertEquals(1, run.all(TraceEvent.AgentAssigned.class).size());
    }

    // ------------------------------------------------------------------ 3 and 4. one fate; late acks

    private static final String DEAD_LETTERED_WHILE_COOKING = """
            { "name": "ack timeout shorter than cooking", "orders": { "count": 1, "interarrivalMs": 0 },
              "services": { "kitchen": { "workers": 2, "workMs": 100 } },
              "links": { "order->kitchen": { "acks": true, "ackTimeoutMs": 10, "maxDeliveries": 2 } } }""";

    @Test
    void theDeadLetterQueueDecidesTheOrdersFateEvenWhileAnEarlierDeliveryIsStillCooking() throws FlowException {
        Run run = run(DEAD_LETTERED_WHILE_COOKING);
        assertEquals(Outcome.DEAD_LETTERED, run.outcome(1));
        Report.Orders orders = run.report().orders();
        assertEquals(1, orders.deadLettered());
        assertEquals(0, orders.delivered());
        assertEquals(orders.deadLettered(), run.report().links().get(LinkId.ORDER_KITCHEN).deadLettered());
        // both cooks still finish and hand the meal on: each courier's trip is for a finished order
        assertEquals(2, orders.tripsAfterFate());
        assertTrue(run.all(TraceEvent.TripForFinishedOrder.class).stream().allMatch(t -> t.fate() == Outcome.DEAD_LETTERED));
    }

    @Test
    void acksReachingTheBrokerAfterTheMessageWasDeadLetteredAreReportedDiscarded() throws FlowException {
        Run run = run(DEAD_LETTERED_WHILE_COOKING);
        List<TraceEvent.AckDiscarded> discarded = run.all(TraceEvent.AckDiscarded.class);
        assertEquals(2, discarded.size());
        assertTrue(discarded.stream().allMatch(d -> d.reason() == LateAck.DEAD_LETTERED));
        assertEquals(2, run.report().links().get(LinkId.ORDER_KITCHEN).lateAcks());
        assertTrue(run.all(TraceEvent.MessageAcked.class).isEmpty());
        assertTrue(new Narrator().narrate(discarded.get(0)).contains("dead-lettered"));
    }

    @Test
    void everyAckOfTheDuplicateDeliverySampleLandsIsLostOrIsReportedDiscarded() throws FlowException {
        Flow flow = FlowLoader.loadSample("duplicate-delivery.json");
        RecordingRun recording = new RecordingRun(flow);
        recording.simulation.runToEnd();
        long sent = recording.all(TraceEvent.AckSent.class).size();
        long acked = recording.all(TraceEvent.MessageAcked.class).size();
        long discarded = recording.all(TraceEvent.AckDiscarded.class).size();
        long lost = recording.all(TraceEvent.MessageLost.class).stream().filter(l -> l.what().equals("ack")).count();
        assertEquals(sent, acked + discarded + lost);
        assertEquals(10, discarded, "the issue counted 10 of 90 acks arriving late");
        assertTrue(recording.all(TraceEvent.AckDiscarded.class).stream().allMatch(d -> d.reason() == LateAck.REDELIVERED));
    }

    // ------------------------------------------------------------------ 5. redeliveries and a bounded queue

    private static final String REDELIVERY_INTO_FULL_QUEUE = """
            { "name": "a redelivered event goes back into a full subscription", "orders": { "count": 2, "interarrivalMs": 0 },
              "services": { "order": { "workers": 2 }, "inventory": { "workers": 2 }, "kitchen": { "workers": 2 },
                            "delivery": { "workers": 1, "workMs": 10, "poisonRate": 1 } },
              "links": { "kitchen->delivery": { "capacity": 1, "acks": true, "maxDeliveries": 3, "overflow": "%s" } } }""";

    @Test
    void aRedeliveryIntoAFullQueueWithTheRejectPolicyGoesToTheDeadLetterQueue() throws FlowException {
        Run run = run(REDELIVERY_INTO_FULL_QUEUE.formatted("reject"));
        assertEquals(1, run.report().services().get(ServiceId.DELIVERY).maxQueueLength());
        TraceEvent.MessageDeadLettered first = run.recording().first(TraceEvent.MessageDeadLettered.class);
        assertEquals(1, first.orderId());
        assertEquals(1, first.deliveries(), "dead-lettered at its first redelivery: the queue held order 2");
        assertEquals(Outcome.DEAD_LETTERED, run.outcome(1));
    }

    @Test
    void aRedeliveryIntoAFullQueueWithDropOldestDropsTheOldestWaitingMessage() throws FlowException {
        Run run = run(REDELIVERY_INTO_FULL_QUEUE.formatted("drop-oldest"));
        assertEquals(1, run.report().services().get(ServiceId.DELIVERY).maxQueueLength());
        assertEquals(Outcome.FAILED, run.outcome(2), "order 2's event waited and was dropped for the redelivery");
        assertEquals(1, run.report().services().get(ServiceId.DELIVERY).dropped());
    }

    @Test
    void aQueueWhoseCapacityWasLoweredDropsEnoughOldMessagesToStayWithinIt() throws FlowException {
        // 10 orders queue for one slow cook; the capacity goes from 10 to 2 while 8 wait
        Flow flow = FlowLoader.parse("""
                { "name": "capacity lowered", "orders": { "count": 10, "interarrivalMs": 0 },
                  "services": { "order": { "workers": 10 }, "inventory": { "workers": 10 },
                                "kitchen": { "workers": 1, "workMs": 1000 } },
                  "links": { "order->kitchen": { "capacity": 10, "overflow": "drop-oldest" } } }""", "test.json");
        Simulation simulation = new Simulation(flow);
        TraceInvariants invariants = new TraceInvariants();
        Metrics metrics = new Metrics();
        simulation.addListener(invariants);
        simulation.addListener(metrics);
        RecordingRun recording = new RecordingRun(simulation);
        simulation.runUntil(500);
        simulation.apply(new dev.switchboard.trace.Command.SetQueueCapacity(LinkId.ORDER_KITCHEN, 2));
        simulation.apply(new dev.switchboard.trace.Command.PlaceOrders(1));
        simulation.runToEnd();
        assertEquals(List.of(), invariants.violations(metrics.report(), true));
        TraceEvent.InboundArrived arrived = recording.all(TraceEvent.InboundArrived.class).stream()
                .filter(a -> a.orderId() == 11 && a.service() == ServiceId.KITCHEN).findFirst().orElseThrow();
        assertEquals(2, arrived.depth(), "the newest message joins a queue cut down to its new capacity");
    }

    // ------------------------------------------------------------------ 6. a failed order's courier

    @Test
    void aCourierForAnOrderThatAlreadyFailedIsReportedAsATripForAFinishedOrder() throws FlowException {
        Run run = run("""
                { "name": "timed-out sync kitchen call", "orders": { "count": 1, "interarrivalMs": 0 },
                  "services": { "kitchen": { "workMs": 500 }, "delivery": { "workMs": 10, "tripMs": 1000 } },
                  "links": { "order->kitchen": { "style": "sync", "timeoutMs": 300 } } }""");
        assertEquals(Outcome.FAILED, run.outcome(1));
        TraceEvent.TripForFinishedOrder trip = run.recording().first(TraceEvent.TripForFinishedOrder.class);
        assertEquals(Outcome.FAILED, trip.fate());
        assertEquals(1, run.report().orders().tripsAfterFate());
        assertEquals(0, run.report().orders().delivered());
        assertTrue(new Narrator().narrate(trip).contains("already ended as failed"), new Narrator().narrate(trip));
    }

    // ------------------------------------------------------------------ 7. discovery refusals apart

    @Test
    void aCallWithNoRegisteredInstanceIsCountedApartFromBreakerAndBulkheadRefusals() throws FlowException {
        Run run = run("""
                { "name": "no instance", "orders": { "count": 20, "interarrivalMs": 200 },
                  "links": { "order->inventory": { "timeoutMs": 100 } },
                  "discovery": { "heartbeatIntervalMs": 100, "missedHeartbeats": 2, "cacheTtlMs": 100,
                                 "balancing": "round-robin" },
                  "faults": [ { "service": "inventory", "kind": "down", "atMs": 1000, "forMs": 2000 } ] }""");
        List<TraceEvent.CallRejected> rejected = run.all(TraceEvent.CallRejected.class);
        assertTrue(!rejected.isEmpty(), "some stock checks found no registered Inventory");
        assertTrue(rejected.stream().allMatch(r -> r.reason() == CallRefusal.NO_INSTANCE));
        Report.Link link = run.report().links().get(LinkId.ORDER_INVENTORY);
        assertEquals(rejected.size(), link.callsNotRouted());
        assertEquals(0, link.callsRejected());
        assertTrue(new Narrator().narrate(rejected.get(0)).contains("no registered instance"));
    }
}
