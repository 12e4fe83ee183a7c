package dev.switchboard.system;

import dev.switchboard.flow.Flow;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blocking is real in the numbers: when Order calls Kitchen synchronously its workers are held for
 * the whole cooking time and the customer's answer waits for the kitchen; through the queue they are not.
 */
class BlockingTest {

    private static TraceTally run(LinkStyle orderToKitchen, double cookMeanMs) {
        Flow flow = TestFlows.hybrid(400, 11).withLink(LinkId.ORDER_KITCHEN,
                        TestFlows.hybrid(1, 1).link(LinkId.ORDER_KITCHEN).withStyle(orderToKitchen).withTimeoutMs(600_000))
                .withService(ServiceId.KITCHEN, TestFlows.hybrid(1, 1).service(ServiceId.KITCHEN)
                        .withWorkers(4).withWorkMs(new Distribution.Exponential(cookMeanMs)));
        Simulation simulation = new Simulation(new Flow(flow.name(), "", flow.seed(), flow.orders(), flow.services(),
                flow.links(), java.util.List.of()));
        TraceTally tally = new TraceTally(ServiceId.ORDER);
        simulation.addListener(tally);
        simulation.start();
        simulation.runToEnd();
        return tally;
    }

    @Test
    void withAllSyncAndASlowKitchenOrderWorkersAreBlockedMostOfTheTime() {
        TraceTally sync = run(LinkStyle.SYNC, 1500);
        double blockedShare = sync.blockedMs / (4 * sync.lastTimeMs);
        assertTrue(blockedShare > 0.5, "Order workers blocked " + blockedShare + " of the time");

        TraceTally queued = run(LinkStyle.QUEUE, 1500);
        double queuedShare = queued.blockedMs / (4 * queued.lastTimeMs);
        assertTrue(queuedShare < 0.05, "with the queue Order workers are blocked only for the stock check, got " + queuedShare);
    }

    @Test
    void acceptanceLatencyGrowsWithKitchenTimeWhenSyncButNotThroughTheQueue() {
        double syncFast = run(LinkStyle.SYNC, 300).meanAcceptLatencyMs();
        double syncSlow = run(LinkStyle.SYNC, 900).meanAcceptLatencyMs();
        assertTrue(syncSlow > 2.5 * syncFast, "sync: " + syncFast + " ms → " + syncSlow + " ms");

        double queueFast = run(LinkStyle.QUEUE, 300).meanAcceptLatencyMs();
        double queueSlow = run(LinkStyle.QUEUE, 900).meanAcceptLatencyMs();
        assertEquals(queueFast, queueSlow, queueFast * 0.05, "through the queue the customer's answer does not wait for the kitchen");
        assertTrue(queueSlow < syncFast, "queue " + queueSlow + " ms vs sync " + syncFast + " ms");
    }
}
