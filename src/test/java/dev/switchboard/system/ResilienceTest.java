package dev.switchboard.system;

import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.BulkheadPolicy;
import dev.switchboard.flow.DeliveryPolicy;
import dev.switchboard.flow.FaultSpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.flow.OverflowPolicy;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.model.BreakerState;
import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each resilience mechanism does what real systems do with it, checked event by event. */
class ResilienceTest {

    /** Orders every {@code gapMs}; Inventory answers in 10 ms over 10 ms links; the rest is instant. */
    private static Flow base(int orders, double gapMs) {
        Map<ServiceId, ServiceSpec> services = new EnumMap<>(ServiceId.class);
        services.put(ServiceId.ORDER, ServiceSpec.defaults().withWorkers(50));
        services.put(ServiceId.INVENTORY, ServiceSpec.defaults().withWorkers(50).withWorkMs(Distribution.fixed(10)));
        services.put(ServiceId.KITCHEN, ServiceSpec.defaults().withWorkers(1).withWorkMs(Distribution.fixed(100)));
        services.put(ServiceId.DELIVERY, ServiceSpec.defaults().withWorkers(5));
        Map<LinkId, LinkSpec> links = new EnumMap<>(LinkId.class);
        links.put(LinkId.ORDER_INVENTORY, LinkSpec.defaults(LinkId.ORDER_INVENTORY).withLatencyMs(Distribution.fixed(10)).withTimeoutMs(100));
        links.put(LinkId.ORDER_KITCHEN, LinkSpec.defaults(LinkId.ORDER_KITCHEN));
        links.put(LinkId.KITCHEN_DELIVERY, LinkSpec.defaults(LinkId.KITCHEN_DELIVERY));
        return new Flow("base", "", 5, new OrdersSpec(orders, Distribution.fixed(gapMs)), services, links, List.of());
    }

    private static Flow link(Flow flow, LinkId id, UnaryOperator<LinkSpec> change) {
        return flow.withLink(id, change.apply(flow.link(id)));
    }

    private static Flow service(Flow flow, ServiceId id, UnaryOperator<ServiceSpec> change) {
        return flow.withService(id, change.apply(flow.service(id)));
    }

    private static Flow withFaults(Flow flow, FaultSpec... faults) {
        return new Flow(flow.name(), "", flow.seed(), flow.orders(), flow.services(), flow.links(), List.of(faults));
    }

    private static Map<Long, Outcome> outcomes(RecordingRun run) {
        Map<Long, Outcome> map = new HashMap<>();
        run.all(TraceEvent.OrderFinished.class).forEach(f -> map.put(f.orderId(), f.outcome()));
        return map;
    }

    @Test
    void retriesFollowTheExponentialBackoffScheduleAndStopAtMaxAttempts() {
        Flow flow = link(base(1, 1), LinkId.ORDER_INVENTORY, l -> l.withLossRate(1).withRetry(new RetryPolicy(4, 100, 2, 0)));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        List<TraceEvent.RequestSent> attempts = run.all(TraceEvent.RequestSent.class);
        // order at 1; each attempt times out after 100 ms; then waits 100, 200, 400 ms
        assertEquals(List.of(1.0, 201.0, 501.0, 1001.0), attempts.stream().map(TraceEvent.RequestSent::timeMs).toList());
        assertEquals(List.of(2, 3, 4), run.all(TraceEvent.RetryScheduled.class).stream().map(TraceEvent.RetryScheduled::attempt).toList());
        assertEquals(1, run.all(TraceEvent.WorkerUnblocked.class).size(), "the worker stays blocked through its retries");
        assertEquals(1101, run.first(TraceEvent.WorkerUnblocked.class).timeMs(), 1e-9);
        assertEquals(Outcome.FAILED, run.first(TraceEvent.OrderFinished.class).outcome());
    }

    @Test
    void jitterSpreadsRetriesWithinItsBand() {
        Flow flow = link(base(50, 1), LinkId.ORDER_INVENTORY, l -> l.withLossRate(1).withRetry(new RetryPolicy(2, 100, 2, 0.5)));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        List<Double> delays = run.all(TraceEvent.RetryScheduled.class).stream().map(r -> r.retryAtMs() - r.timeMs()).toList();
        assertEquals(50, delays.size());
        assertTrue(delays.stream().allMatch(d -> d >= 50 && d <= 150), delays.toString());
        assertTrue(delays.stream().distinct().count() > 40, "jitter makes the delays differ");
    }

    @Test
    void aSuccessfulRetryRescuesTheOrder() {
        // Inventory is down for the first attempt only
        Flow flow = withFaults(link(base(1, 1), LinkId.ORDER_INVENTORY, l -> l.withRetry(new RetryPolicy(3, 100, 2, 0))),
                new FaultSpec(ServiceId.INVENTORY, null, FaultKind.DOWN, 0, 50, 0));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        assertEquals(Outcome.DELIVERED, run.first(TraceEvent.OrderFinished.class).outcome());
        assertEquals(1, run.all(TraceEvent.RetryScheduled.class).size());
    }

    @Test
    void theBreakerOpensAtTheThresholdRejectsFastThenClosesAfterSuccessfulTrials() {
        // Inventory is down 0–1000 ms; orders every 50 ms; the breaker needs 4 calls and opens at 50% failures
        Flow flow = withFaults(link(base(60, 50), LinkId.ORDER_INVENTORY,
                        l -> l.withBreaker(new BreakerPolicy(0.5, 4, 4, 500, 2))),
                new FaultSpec(ServiceId.INVENTORY, null, FaultKind.DOWN, 0, 1000, 0));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        List<TraceEvent.BreakerChanged> changes = run.all(TraceEvent.BreakerChanged.class);
        List<String> path = changes.stream().map(c -> c.from() + "->" + c.to()).toList();
        assertEquals("CLOSED->OPEN", path.get(0));
        assertEquals(1.0, changes.get(0).failureRate());
        // the 4th failed reply (order 4, placed at 200, refused at 210, heard at 220) opens it
        assertEquals(220, changes.get(0).timeMs(), 1e-9);
        assertEquals(720, changes.get(1).timeMs(), 1e-9, "half-open after openMs");
        assertEquals("OPEN->HALF_OPEN", path.get(1));
        assertEquals("CLOSED", changes.get(changes.size() - 1).to().name(), "closed again once Inventory is back: " + path);
        assertTrue(path.contains("HALF_OPEN->CLOSED"), path.toString());
        List<TraceEvent.CallRejected> rejected = run.all(TraceEvent.CallRejected.class);
        assertTrue(rejected.size() >= 5, "calls refused while open: " + rejected.size());
        // a refused call never reaches the link: no request for those orders, no blocking
        for (TraceEvent.CallRejected r : rejected) {
            assertTrue(run.all(TraceEvent.RequestSent.class).stream().noneMatch(s -> s.orderId() == r.orderId()));
        }
        Map<Long, Outcome> outcomes = outcomes(run);
        assertEquals(60, outcomes.size());
        assertEquals(Outcome.DELIVERED, outcomes.get(60L));
    }

    @Test
    void aFailedTrialCallOpensTheBreakerAgain() {
        Flow flow = withFaults(link(base(80, 50), LinkId.ORDER_INVENTORY,
                        l -> l.withBreaker(new BreakerPolicy(0.5, 4, 4, 500, 1))),
                new FaultSpec(ServiceId.INVENTORY, null, FaultKind.DOWN, 0, 2000, 0));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        List<String> path = run.all(TraceEvent.BreakerChanged.class).stream().map(c -> c.from() + "->" + c.to()).toList();
        assertTrue(path.contains("HALF_OPEN->OPEN"), path.toString());
        assertEquals("HALF_OPEN->CLOSED", path.get(path.size() - 1), path.toString());
    }

    @Test
    void aBulkheadCapsConcurrentCallsAndRejectsTheRest() {
        // Inventory takes 500 ms; 10 orders at once; at most 3 calls in flight
        Flow flow = service(link(base(10, 0), LinkId.ORDER_INVENTORY,
                        l -> l.withTimeoutMs(10_000).withBulkhead(new BulkheadPolicy(3, false, 0))),
                ServiceId.INVENTORY, s -> s.withWorkMs(Distribution.fixed(500)));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        assertEquals(3, run.all(TraceEvent.RequestSent.class).size());
        assertEquals(7, run.all(TraceEvent.CallRejected.class).size());
        assertTrue(run.all(TraceEvent.BulkheadChanged.class).stream().allMatch(b -> b.inUse() <= 3));
        assertEquals(7, outcomes(run).values().stream().filter(o -> o == Outcome.FAILED).count());
    }

    @Test
    void aWaitingBulkheadQueuesCallsUntilAPlaceFrees() {
        Flow flow = service(link(base(6, 0), LinkId.ORDER_INVENTORY,
                        l -> l.withTimeoutMs(10_000).withBulkhead(new BulkheadPolicy(2, true, 5_000))),
                ServiceId.INVENTORY, s -> s.withWorkMs(Distribution.fixed(500)));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        List<Double> sent = run.all(TraceEvent.RequestSent.class).stream().map(TraceEvent.RequestSent::timeMs).toList();
        assertEquals(List.of(0.0, 0.0, 520.0, 520.0, 1040.0, 1040.0), sent);
        assertTrue(run.all(TraceEvent.CallRejected.class).isEmpty());
        assertEquals(6, outcomes(run).values().stream().filter(o -> o == Outcome.DELIVERED).count());
    }

    @Test
    void theStockFallbackRejectsOrAcceptsWhenInventoryCannotAnswer() {
        Flow down = withFaults(base(5, 10), new FaultSpec(ServiceId.INVENTORY, null, FaultKind.DOWN, 0, 10_000, 0));

        RecordingRun none = new RecordingRun(down);
        none.simulation.runToEnd();
        assertTrue(outcomes(none).values().stream().allMatch(o -> o == Outcome.FAILED));

        RecordingRun reject = new RecordingRun(link(down, LinkId.ORDER_INVENTORY, l -> l.withFallback(StockFallback.REJECT)));
        reject.simulation.runToEnd();
        assertTrue(outcomes(reject).values().stream().allMatch(o -> o == Outcome.REJECTED));
        assertEquals(5, reject.all(TraceEvent.FallbackUsed.class).size());

        RecordingRun accept = new RecordingRun(link(down, LinkId.ORDER_INVENTORY, l -> l.withFallback(StockFallback.ACCEPT)));
        accept.simulation.runToEnd();
        assertTrue(outcomes(accept).values().stream().allMatch(o -> o == Outcome.DELIVERED));
    }

    private static Flow acked(Flow flow, DeliveryPolicy policy) {
        return link(flow, LinkId.ORDER_KITCHEN, l -> l.withDelivery(policy));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterQueueAfterExactlyMaxDeliveries() {
        Flow flow = service(acked(base(100, 150), DeliveryPolicy.DEFAULTS.withAcks(true).withMaxDeliveries(3)),
                ServiceId.KITCHEN, s -> s.withPoisonRate(0.1));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        List<TraceEvent.MessageDeadLettered> dead = run.all(TraceEvent.MessageDeadLettered.class);
        assertTrue(dead.size() > 3, "some poison messages: " + dead.size());
        Map<Long, Long> takes = run.all(TraceEvent.InboundTaken.class).stream()
                .filter(t -> t.service() == ServiceId.KITCHEN)
                .collect(Collectors.groupingBy(TraceEvent.InboundTaken::orderId, Collectors.counting()));
        for (TraceEvent.MessageDeadLettered d : dead) {
            assertEquals(3, d.deliveries());
            assertEquals(3L, takes.get(d.orderId()), "order " + d.orderId() + " was delivered exactly 3 times");
        }
        Map<Long, Outcome> outcomes = outcomes(run);
        assertEquals(dead.size(), outcomes.values().stream().filter(o -> o == Outcome.DEAD_LETTERED).count());
        assertEquals(100 - dead.size(), outcomes.values().stream().filter(o -> o == Outcome.DELIVERED).count());
    }

    @Test
    void withAcksACrashRedeliversTheMessageInsteadOfLosingIt() {
        Flow flow = acked(base(1, 1), DeliveryPolicy.DEFAULTS.withAcks(true));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runUntil(50); // the kitchen is cooking
        run.simulation.apply(new Command.SetServiceDown(ServiceId.KITCHEN, true));
        run.simulation.apply(new Command.SetServiceDown(ServiceId.KITCHEN, false));
        run.simulation.runToEnd();
        TraceEvent.MessageRedelivered redelivered = run.first(TraceEvent.MessageRedelivered.class);
        assertEquals(1, redelivered.deliveries());
        assertEquals(Outcome.DELIVERED, run.first(TraceEvent.OrderFinished.class).outcome());
        assertEquals(1, run.all(TraceEvent.MessageAcked.class).size());
    }

    @Test
    void anAckTimeoutShorterThanTheWorkCausesADuplicateMeal() {
        // cooking takes 100 ms but the broker waits only 60 ms for the ack: a second cook takes the
        // message while the first still cooks; after 2 deliveries it gives up on the message
        Flow flow = service(acked(base(1, 1), DeliveryPolicy.DEFAULTS.withAcks(true).withAckTimeoutMs(60).withMaxDeliveries(2)),
                ServiceId.KITCHEN, s -> s.withWorkers(2));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        assertEquals(1, run.all(TraceEvent.MessageRedelivered.class).size());
        assertEquals(2, run.all(TraceEvent.WorkStarted.class).stream().filter(w -> w.service() == ServiceId.KITCHEN).count(),
                "the meal is cooked twice");
        assertEquals(2, run.all(TraceEvent.AgentAssigned.class).size(), "and delivered twice");
        assertEquals(1, run.all(TraceEvent.OrderFinished.class).size(), "the order still ends once");
        assertEquals(Outcome.DELIVERED, run.first(TraceEvent.OrderFinished.class).outcome());
    }

    @Test
    void anIdempotentConsumerSkipsARedeliveredDuplicate() {
        // the ack is lost on the way back, so the broker redelivers after its ack timeout
        Flow flow = acked(base(1, 1), DeliveryPolicy.DEFAULTS.withAcks(true).withAckTimeoutMs(500));
        Flow idempotentFlow = service(flow, ServiceId.KITCHEN, s -> s.withIdempotent(true));
        RecordingRun run = new RecordingRun(idempotentFlow);
        run.simulation.runUntil(101); // cooked at 100; the ack leaves now
        run.simulation.apply(new Command.SetLinkLoss(LinkId.ORDER_KITCHEN, 1));
        run.simulation.runUntil(400);
        run.simulation.apply(new Command.SetLinkLoss(LinkId.ORDER_KITCHEN, 0));
        run.simulation.runToEnd();
        TraceEvent.DuplicateDelivery duplicate = run.first(TraceEvent.DuplicateDelivery.class);
        assertTrue(duplicate.skipped());
        assertEquals(1, run.all(TraceEvent.WorkStarted.class).stream().filter(w -> w.service() == ServiceId.KITCHEN).count(),
                "cooked once");
        assertEquals(1, run.all(TraceEvent.AgentAssigned.class).size(), "delivered once");
    }

    @Test
    void dropOldestMakesRoomByFailingTheOldestWaitingOrder() {
        Flow flow = link(service(base(4, 1), ServiceId.KITCHEN, s -> s.withWorkMs(Distribution.fixed(1000))),
                LinkId.ORDER_KITCHEN, l -> l.withCapacity(2).withDelivery(DeliveryPolicy.DEFAULTS.withOverflow(OverflowPolicy.DROP_OLDEST)));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        // order 1 cooks; 2 and 3 wait; 4 arrives to a full queue and pushes 2 out
        Map<Long, Outcome> outcomes = outcomes(run);
        assertEquals(Map.of(1L, Outcome.DELIVERED, 2L, Outcome.FAILED, 3L, Outcome.DELIVERED, 4L, Outcome.DELIVERED), outcomes);
        assertTrue(run.all(TraceEvent.MessageRejected.class).isEmpty());
    }

    @Test
    void aMessageThatWaitsLongerThanItsTtlIsDeadLettered() {
        Flow flow = link(service(base(3, 1), ServiceId.KITCHEN, s -> s.withWorkMs(Distribution.fixed(1000))),
                LinkId.ORDER_KITCHEN, l -> l.withDelivery(DeliveryPolicy.DEFAULTS.withMessageTtlMs(1500)));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        // orders reach the queue 30 ms after they are placed (at 1, 2, 3): 1 cooks 31–1031, 2 would start
        // at 1031 and 3 at 2031, but 3 expires 1500 ms after it arrived at 33
        TraceEvent.MessageDeadLettered dead = run.first(TraceEvent.MessageDeadLettered.class);
        assertEquals(3, dead.orderId());
        assertEquals(1533, dead.timeMs(), 1e-9);
        assertEquals(Outcome.DEAD_LETTERED, outcomes(run).get(3L));
    }

    @Test
    void aNonDurableSubscriberMissesEventsWhileItIsDown() {
        Flow durable = withFaults(base(3, 1), new FaultSpec(ServiceId.DELIVERY, null, FaultKind.DOWN, 0, 5_000, 0));
        RecordingRun kept = new RecordingRun(durable);
        kept.simulation.runToEnd();
        assertTrue(outcomes(kept).values().stream().allMatch(o -> o == Outcome.DELIVERED));

        Flow nonDurable = link(durable, LinkId.KITCHEN_DELIVERY, l -> l.withDelivery(DeliveryPolicy.DEFAULTS.withDurable(false)));
        RecordingRun missed = new RecordingRun(nonDurable);
        missed.simulation.runToEnd();
        assertEquals(3, missed.all(TraceEvent.EventMissed.class).size());
        assertTrue(outcomes(missed).values().stream().allMatch(o -> o == Outcome.LOST));
    }

    @Test
    void aRetryStormMultipliesTheLoadOnASlowService() {
        // Inventory needs 150 ms per check with 2 workers, callers time out at 100 ms and retry 4 times
        Flow slow = service(base(40, 50), ServiceId.INVENTORY, s -> s.withWorkers(2).withWorkMs(Distribution.fixed(150)));
        RecordingRun calm = new RecordingRun(slow);
        calm.simulation.runToEnd();
        RecordingRun storm = new RecordingRun(link(slow, LinkId.ORDER_INVENTORY, l -> l.withRetry(new RetryPolicy(4, 20, 1.5, 0.1))));
        storm.simulation.runToEnd();
        long calmChecks = calm.all(TraceEvent.WorkStarted.class).stream().filter(w -> w.service() == ServiceId.INVENTORY).count();
        long stormChecks = storm.all(TraceEvent.WorkStarted.class).stream().filter(w -> w.service() == ServiceId.INVENTORY).count();
        assertEquals(40, calmChecks);
        assertTrue(stormChecks > 2 * calmChecks, "retries multiply Inventory's work: " + stormChecks);
        assertTrue(storm.all(TraceEvent.LateReplyDiscarded.class).size() > 40, "most of it answers callers that gave up");
    }
}
