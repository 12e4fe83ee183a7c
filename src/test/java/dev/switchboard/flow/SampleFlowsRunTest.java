package dev.switchboard.flow;

import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
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
            } else if (event instanceof TraceEvent.CallTimedOut) {
                timeouts++;
            } else if (event instanceof TraceEvent.MessageLost l) {
                lost.merge(l.link(), 1, Integer::sum);
            }
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
                    + " lost=" + lost + " endMs=" + endMs;
        }
    }
}
