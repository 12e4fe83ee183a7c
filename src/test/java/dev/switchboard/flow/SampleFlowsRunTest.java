package dev.switchboard.flow;

import dev.switchboard.model.BreakerState;
import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped sample runs to completion with each order in exactly one bucket, and shows in
 * its numbers the lesson its description promises. All figures come from the trace.
 */
class SampleFlowsRunTest {

    @Test
    void everySampleRunsToCompletionWithEachOrderInExactlyOneBucket() throws FlowException {
        for (SampleFlow sample : SampleFlows.all()) {
            Flow flow = sample.load();
            RunTally tally = run(flow);

            assertEquals(flow.orders().count(), tally.placed.size(), sample.fileName() + " placed");
            assertEquals(tally.placed, tally.finished.keySet(), sample.fileName() + " every placed order finished");
            assertTrue(tally.finishedTwice.isEmpty(), sample.fileName() + " finished twice: " + tally.finishedTwice);
            assertEquals(flow.orders().count(), tally.buckets.values().stream().mapToInt(Integer::intValue).sum(),
                    sample.fileName() + " buckets add up to placed");
        }
    }

    @Test
    void inTheHybridFlowTheKitchenOutageDelaysOrdersButFailsNone() throws FlowException {
        Flow flow = FlowLoader.loadSample("hybrid-order.json");
        RunTally hybrid = run(flow);

        assertEquals(0, hybrid.count(Outcome.FAILED), hybrid.toString());
        // Only the meals on the stove when the kitchen crashes are lost; queued messages wait it out.
        assertTrue(hybrid.count(Outcome.LOST) <= flow.service(ServiceId.KITCHEN).workers(), hybrid.toString());
        assertTrue(hybrid.maxKitchenDepth >= 5, "messages pile up in the queue during the outage: " + hybrid);
    }

    @Test
    void allSyncBlocksOrderWorkersAndSlowsTheCustomersAnswerComparedWithTheHybridFlow() throws FlowException {
        RunTally hybrid = run(FlowLoader.loadSample("hybrid-order.json"));
        RunTally allSync = run(FlowLoader.loadSample("all-sync.json"));

        assertTrue(allSync.orderBlockedMs > 5 * hybrid.orderBlockedMs, "blocked " + allSync + " vs " + hybrid);
        // Accepted only after cooking (uniform 300-900 ms) versus right after the stock check.
        assertTrue(RunTally.mean(allSync.acceptedAfterMs) > 600, allSync.toString());
        assertTrue(RunTally.mean(hybrid.acceptedAfterMs) < 200, hybrid.toString());
        assertEquals(0, allSync.timeouts, "the lesson is blocking, not timeouts");
        assertTrue(allSync.count(Outcome.FAILED) > 0, "orders fail while the kitchen is down: " + allSync);
        assertEquals(0, hybrid.count(Outcome.FAILED));
    }

    @Test
    void inTheKitchenBacklogTheQueueGrowsWhileOrdersAreStillAcceptedFast() throws FlowException {
        RunTally backlog = run(FlowLoader.loadSample("kitchen-backlog.json"));

        assertTrue(backlog.maxKitchenDepth >= 30, backlog.toString());
        assertTrue(RunTally.max(backlog.acceptedAfterMs) < 500, "no customer waits for the kitchen: " + backlog);
        assertEquals(120, backlog.count(Outcome.DELIVERED), "the queue drains: " + backlog);
    }

    @Test
    void inTheInventoryOutageStockChecksFailFastWhileAcceptedOrdersAreDelivered() throws FlowException {
        Flow flow = FlowLoader.loadSample("inventory-outage.json");
        RunTally outage = run(flow);

        assertTrue(outage.count(Outcome.FAILED) > 0, outage.toString());
        assertEquals(0, outage.timeouts, "a down or failing service answers at once: " + outage);
        assertTrue(RunTally.max(outage.failedAnswerAfterMs) < flow.link(LinkId.ORDER_INVENTORY).timeoutMs(), outage.toString());
        assertTrue(outage.count(Outcome.DELIVERED) > flow.orders().count() / 2, outage.toString());
        assertEquals(0, outage.count(Outcome.LOST), "orders already accepted keep flowing: " + outage);
    }

    @Test
    void inTheLossyNetworkLostStockChecksTimeOutAndLostMessagesLoseOrders() throws FlowException {
        Flow flow = FlowLoader.loadSample("lossy-network.json");
        RunTally lossy = run(flow);
        double timeoutMs = flow.link(LinkId.ORDER_INVENTORY).timeoutMs();

        assertTrue(lossy.timeouts > 0, lossy.toString());
        assertEquals(lossy.timeouts, lossy.count(Outcome.FAILED), "each timeout fails its order: " + lossy);
        assertTrue(lossy.failedAnswerAfterMs.stream().allMatch(ms -> ms >= timeoutMs - 1e-6),
                "a failed customer waited the whole timeout: " + lossy);
        int lostMessages = lossy.lost.getOrDefault(LinkId.ORDER_KITCHEN, 0) + lossy.lost.getOrDefault(LinkId.KITCHEN_DELIVERY, 0);
        assertTrue(lostMessages > 0, lossy.toString());
        assertEquals(lostMessages, lossy.count(Outcome.LOST), "each lost message or event loses its order: " + lossy);
    }

    @Test
    void inTheRetryStormRetriesMultiplyTheLoadAndFailMoreOrdersThanNoRetries() throws FlowException {
        Flow flow = FlowLoader.loadSample("retry-storm.json");
        LinkSpec stockCheck = flow.link(LinkId.ORDER_INVENTORY);
        RunTally storm = run(flow);
        RunTally calm = run(flow.withLink(LinkId.ORDER_INVENTORY, stockCheck.withRetry(RetryPolicy.NONE)));
        int orders = flow.orders().count();
        FaultSpec slowdown = flow.faults().get(0);
        double slowdownEndsMs = slowdown.atMs() + slowdown.forMs();

        assertTrue(storm.retries > 0, storm.toString());
        assertEquals(0, calm.retries);
        assertEquals(orders, calm.inventoryRequests, "without retries one stock check per order");
        assertTrue(storm.inventoryRequests > 2 * orders, "retries multiply the load: " + storm);
        assertTrue(storm.lateReplies > 0, "timed-out requests were still worked on: " + storm);
        assertTrue(storm.maxInventoryDepth > 5 * calm.maxInventoryDepth, storm + " vs " + calm);
        assertTrue(storm.timeouts > 3 * calm.timeouts, storm + " vs " + calm);
        assertTrue(storm.count(Outcome.FAILED) > 2 * calm.count(Outcome.FAILED), storm + " vs " + calm);
        assertTrue(storm.failedPlacedAtMs.stream().anyMatch(ms -> ms >= slowdownEndsMs),
                "the storm outlasts the slowdown: " + storm);
        assertTrue(calm.failedPlacedAtMs.stream().noneMatch(ms -> ms >= slowdownEndsMs),
                "without retries Inventory recovers with the slowdown: " + calm);
    }

    @Test
    void theCircuitBreakerOpensFailsFastProbesWhileInventoryIsSlowAndClosesAfterwards() throws FlowException {
        Flow flow = FlowLoader.loadSample("circuit-breaker.json");
        BreakerPolicy policy = flow.link(LinkId.ORDER_INVENTORY).breaker();
        RunTally guarded = run(flow);
        RunTally unguarded = run(flow.withLink(LinkId.ORDER_INVENTORY, flow.link(LinkId.ORDER_INVENTORY).withBreaker(null)));
        FaultSpec slowdown = flow.faults().get(0);
        List<TraceEvent.BreakerChanged> moves = guarded.breakerMoves;

        assertTrue(moves.size() >= 4, guarded.toString());
        TraceEvent.BreakerChanged first = moves.get(0);
        TraceEvent.BreakerChanged last = moves.get(moves.size() - 1);
        assertEquals(List.of(BreakerState.CLOSED, BreakerState.OPEN), List.of(first.from(), first.to()));
        assertTrue(first.timeMs() > slowdown.atMs(), "opens only once calls fail");
        assertTrue(first.failureRate() >= policy.failureRateThreshold());
        for (int i = 1; i < moves.size(); i++) {
            TraceEvent.BreakerChanged move = moves.get(i);
            assertEquals(moves.get(i - 1).to(), move.from(), "transitions chain: " + moves);
            if (move.to() == BreakerState.HALF_OPEN) {
                assertEquals(BreakerState.OPEN, move.from());
                assertEquals(moves.get(i - 1).timeMs() + policy.openMs(), move.timeMs(), 1e-6, "half-open after openMs");
            }
        }
        assertTrue(moves.stream().anyMatch(m -> m.from() == BreakerState.HALF_OPEN && m.to() == BreakerState.OPEN),
                "a trial call fails while Inventory is still slow: " + moves);
        assertEquals(List.of(BreakerState.HALF_OPEN, BreakerState.CLOSED), List.of(last.from(), last.to()));
        assertTrue(last.timeMs() > slowdown.atMs() + slowdown.forMs(), "closes once Inventory is well again");
        assertTrue(guarded.rejected > 0, guarded.toString());

        assertTrue(unguarded.breakerMoves.isEmpty());
        assertEquals(0, unguarded.rejected);
        assertTrue(RunTally.mean(guarded.failedAnswerAfterMs) < RunTally.mean(unguarded.failedAnswerAfterMs) / 3,
                "failing fast: " + guarded + " vs " + unguarded);
        assertTrue(guarded.orderBlockedMs < unguarded.orderBlockedMs / 2, guarded + " vs " + unguarded);
        assertTrue(guarded.inventoryRequests < unguarded.inventoryRequests, guarded + " vs " + unguarded);
        assertTrue(guarded.maxInventoryDepth * 3 < unguarded.maxInventoryDepth, guarded + " vs " + unguarded);
    }

    @Test
    void poisonOrdersAreDeadLetteredAfterMaxDeliveriesWhileTheRestFlow() throws FlowException {
        Flow flow = FlowLoader.loadSample("poison-message.json");
        int maxDeliveries = flow.link(LinkId.ORDER_KITCHEN).delivery().maxDeliveries();
        RunTally poison = run(flow);

        assertFalse(poison.deadLettered.isEmpty(), poison.toString());
        assertEquals(poison.deadLettered.size(), poison.count(Outcome.DEAD_LETTERED), poison.toString());
        for (Map.Entry<Long, Integer> dead : poison.deadLettered.entrySet()) {
            assertEquals(maxDeliveries, dead.getValue(), "order " + dead.getKey());
            assertEquals(maxDeliveries, poison.kitchenTakes.get(dead.getKey()), "order " + dead.getKey() + " taken by a cook");
            assertEquals(Outcome.DEAD_LETTERED, poison.finished.get(dead.getKey()));
        }
        assertTrue(poison.deadLetterReasons.stream().allMatch(r -> r.contains("poison")), poison.deadLetterReasons.toString());
        assertEquals(0, poison.count(Outcome.FAILED) + poison.count(Outcome.LOST), "the rest flow: " + poison);
        assertTrue(poison.redelivered.stream().anyMatch(id -> poison.finished.get(id) == Outcome.DELIVERED),
                "an ordinary error is cured by redelivery: " + poison);

        RunTally withoutAcks = run(flow.withLink(LinkId.ORDER_KITCHEN,
                flow.link(LinkId.ORDER_KITCHEN).withDelivery(flow.link(LinkId.ORDER_KITCHEN).delivery().withAcks(false))));
        assertEquals(0, withoutAcks.count(Outcome.DEAD_LETTERED));
        assertTrue(withoutAcks.count(Outcome.FAILED) > poison.count(Outcome.DEAD_LETTERED),
                "without acks the curable failures fail too: " + withoutAcks);
    }

    @Test
    void lateAcknowledgementsCookMealsTwiceUnlessTheKitchenIsIdempotent() throws FlowException {
        Flow flow = FlowLoader.loadSample("duplicate-delivery.json");
        RunTally twice = run(flow);
        RunTally once = run(flow.withService(ServiceId.KITCHEN, flow.service(ServiceId.KITCHEN).withIdempotent(true)));
        int orders = flow.orders().count();

        assertTrue(twice.duplicatesWorked.getOrDefault(ServiceId.KITCHEN, 0) > 0, twice.toString());
        assertTrue(twice.mealsCookedTwice() > 0, twice.toString());
        assertTrue(twice.couriersSent > twice.count(Outcome.DELIVERED), "a second MealReady sends a second courier: " + twice);
        assertEquals(0, twice.duplicatesSkipped.size());

        assertTrue(once.redelivered.size() > 0, "the broker still redelivers: " + once);
        assertTrue(once.duplicatesSkipped.getOrDefault(ServiceId.KITCHEN, 0) > 0, once.toString());
        assertTrue(once.duplicatesWorked.isEmpty(), once.toString());
        assertEquals(0, once.mealsCookedTwice(), once.toString());
        assertEquals(once.count(Outcome.DELIVERED), once.couriersSent);

        assertEquals(orders, twice.count(Outcome.DELIVERED), twice.toString());
        assertEquals(orders, once.count(Outcome.DELIVERED), once.toString());
    }

    private static RunTally run(Flow flow) {
        Simulation simulation = new Simulation(flow);
        RunTally tally = new RunTally();
        simulation.addListener(tally);
        simulation.start();
        simulation.runToEnd();
        assertFalse(simulation.hasPendingEvents());
        return tally;
    }

    /** What the lessons are measured by, counted from the trace alone. */
    private static final class RunTally implements TraceListener {
        final Set<Long> placed = new HashSet<>();
        final Map<Long, Outcome> finished = new HashMap<>();
        final Set<Long> finishedTwice = new HashSet<>();
        final Map<Outcome, Integer> buckets = new EnumMap<>(Outcome.class);
        final List<Double> acceptedAfterMs = new ArrayList<>();
        final List<Double> failedAnswerAfterMs = new ArrayList<>();
        final Map<Integer, Double> orderBlockedSince = new HashMap<>();
        double orderBlockedMs;
        int maxKitchenDepth;
        int timeouts;
        final Map<LinkId, Integer> lost = new EnumMap<>(LinkId.class);
        double endMs;
        final List<Double> failedPlacedAtMs = new ArrayList<>();
        int retries;
        int inventoryRequests;
        int maxInventoryDepth;
        int lateReplies;
        int rejected;
        final List<TraceEvent.BreakerChanged> breakerMoves = new ArrayList<>();
        final Map<Long, Integer> deadLettered = new HashMap<>();
        final List<String> deadLetterReasons = new ArrayList<>();
        final Map<Long, Integer> kitchenTakes = new HashMap<>();
        final Set<Long> redelivered = new HashSet<>();
        final Map<ServiceId, Integer> duplicatesWorked = new EnumMap<>(ServiceId.class);
        final Map<ServiceId, Integer> duplicatesSkipped = new EnumMap<>(ServiceId.class);
        final Map<Long, Integer> cooksDone = new HashMap<>();
        int couriersSent;

        @Override
        public void onEvent(TraceEvent event) {
            endMs = event.timeMs();
            if (event instanceof TraceEvent.OrderPlaced p) {
                placed.add(p.orderId());
            } else if (event instanceof TraceEvent.OrderFinished f) {
                if (finished.put(f.orderId(), f.outcome()) != null) {
                    finishedTwice.add(f.orderId());
                }
                buckets.merge(f.outcome(), 1, Integer::sum);
                if (f.outcome() == Outcome.FAILED) {
                    failedPlacedAtMs.add(f.placedAtMs());
                }
            } else if (event instanceof TraceEvent.CustomerAnswered a) {
                (a.answer() == CustomerAnswer.ACCEPTED ? acceptedAfterMs : failedAnswerAfterMs).add(a.timeMs() - a.placedAtMs());
            } else if (event instanceof TraceEvent.WorkerBlocked b && b.service() == ServiceId.ORDER) {
                orderBlockedSince.put(b.worker(), b.timeMs());
            } else if (event instanceof TraceEvent.WorkerUnblocked u && u.service() == ServiceId.ORDER) {
                Double since = orderBlockedSince.remove(u.worker());
                if (since != null) {
                    orderBlockedMs += u.timeMs() - since;
                }
            } else if (event instanceof TraceEvent.InboundArrived a && a.service() == ServiceId.KITCHEN) {
                maxKitchenDepth = Math.max(maxKitchenDepth, a.depth());
            } else if (event instanceof TraceEvent.InboundArrived a && a.service() == ServiceId.INVENTORY) {
                maxInventoryDepth = Math.max(maxInventoryDepth, a.depth());
            } else if (event instanceof TraceEvent.InboundTaken t && t.service() == ServiceId.KITCHEN) {
                kitchenTakes.merge(t.orderId(), 1, Integer::sum);
            } else if (event instanceof TraceEvent.RequestSent r && r.link() == LinkId.ORDER_INVENTORY) {
                inventoryRequests++;
            } else if (event instanceof TraceEvent.RetryScheduled) {
                retries++;
            } else if (event instanceof TraceEvent.LateReplyDiscarded) {
                lateReplies++;
            } else if (event instanceof TraceEvent.CallRejected) {
                rejected++;
            } else if (event instanceof TraceEvent.BreakerChanged b) {
                breakerMoves.add(b);
            } else if (event instanceof TraceEvent.MessageDeadLettered d) {
                deadLettered.put(d.orderId(), d.deliveries());
                deadLetterReasons.add(d.reason());
            } else if (event instanceof TraceEvent.MessageRedelivered r) {
                redelivered.add(r.orderId());
            } else if (event instanceof TraceEvent.DuplicateDelivery d) {
                (d.skipped() ? duplicatesSkipped : duplicatesWorked).merge(d.service(), 1, Integer::sum);
            } else if (event instanceof TraceEvent.WorkFinished w && w.task() == Task.COOK && w.ok()) {
                cooksDone.merge(w.orderId(), 1, Integer::sum);
            } else if (event instanceof TraceEvent.AgentAssigned) {
                couriersSent++;
            } else if (event instanceof TraceEvent.CallTimedOut) {
                timeouts++;
            } else if (event instanceof TraceEvent.MessageLost l) {
                lost.merge(l.link(), 1, Integer::sum);
            }
        }

        long mealsCookedTwice() {
            return cooksDone.values().stream().filter(n -> n > 1).count();
        }

        int count(Outcome outcome) {
            return buckets.getOrDefault(outcome, 0);
        }

        static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        static double max(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        @Override
        public String toString() {
            return "buckets=" + buckets + " acceptMean=" + mean(acceptedAfterMs) + " acceptMax=" + max(acceptedAfterMs)
                    + " failAnswerMean=" + mean(failedAnswerAfterMs) + " failAnswerMax=" + max(failedAnswerAfterMs)
                    + " orderBlockedMs=" + orderBlockedMs + " maxKitchenDepth=" + maxKitchenDepth + " timeouts=" + timeouts
                    + " lost=" + lost + " endMs=" + endMs + " retries=" + retries + " inventoryRequests=" + inventoryRequests
                    + " maxInventoryDepth=" + maxInventoryDepth + " lateReplies=" + lateReplies + " rejected=" + rejected
                    + " breakerMoves=" + breakerMoves.size() + " deadLettered=" + deadLettered + " redelivered=" + redelivered.size()
                    + " duplicatesWorked=" + duplicatesWorked + " duplicatesSkipped=" + duplicatesSkipped
                    + " mealsCookedTwice=" + mealsCookedTwice() + " couriersSent=" + couriersSent;
        }
    }
}
