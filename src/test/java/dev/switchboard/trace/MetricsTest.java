package dev.switchboard.trace;

import dev.switchboard.model.CallRefusal;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.model.BreakerState;
import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.model.ServiceId.DELIVERY;
import static dev.switchboard.model.ServiceId.INVENTORY;
import static dev.switchboard.model.ServiceId.KITCHEN;
import static dev.switchboard.model.ServiceId.ORDER;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Metrics on hand-built traces whose numbers can be worked out on paper. */
class MetricsTest {
    private static final double EPS = 1e-9;

    /**
     * A 200 ms run. Kitchen (2 workers): messages arrive at 10 and 20, are taken at 30 and 50
     * (waits 20 and 30) and cooked for 100 ms each, the second with an error. Order (1 worker):
     * blocked on the stock check 5..45, then busy with the payment until 50. Delivery: 1 worker
     * until 100, then 3; worker 2 busy from 100 to the end. Inventory: busy 60..80, then crashes.
     */
    private static List<TraceEvent> handBuiltRun() {
        List<TraceEvent> t = new ArrayList<>();
        t.add(new TraceEvent.RunStarted(0, "Hand-built", 7));
        t.add(changed(0, ORDER, 1, true));
        t.add(changed(0, INVENTORY, 1, true));
        t.add(changed(0, KITCHEN, 2, true));
        t.add(changed(0, DELIVERY, 1, true));
        for (long id = 1; id <= 5; id++) {
            t.add(new TraceEvent.OrderPlaced(0, id));
        }
        t.add(new TraceEvent.InboundArrived(0, ORDER, 1, InboundKind.NEW_ORDER, null, 1));
        t.add(new TraceEvent.InboundTaken(0, ORDER, 0, 1, InboundKind.NEW_ORDER, 0, 0));
        t.add(new TraceEvent.RequestSent(5, 1, LinkId.ORDER_INVENTORY, 1, 5, 25));
        t.add(new TraceEvent.WorkerBlocked(5, ORDER, 0, 1, 1, LinkId.ORDER_INVENTORY, 1005));
        t.add(new TraceEvent.InboundArrived(10, KITCHEN, 1, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 1));
        t.add(new TraceEvent.InboundArrived(20, KITCHEN, 2, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 2));
        t.add(new TraceEvent.InboundTaken(30, KITCHEN, 0, 1, InboundKind.QUEUE_MESSAGE, 20, 1));
        t.add(new TraceEvent.WorkStarted(30, KITCHEN, 0, 1, Task.COOK, 130));
        t.add(new TraceEvent.CustomerAnswered(30, 2, CustomerAnswer.REJECTED, 10));
        t.add(new TraceEvent.OrderFinished(30, 2, Outcome.REJECTED, 10, "out of stock"));
        t.add(new TraceEvent.ReplySent(35, 1, LinkId.ORDER_INVENTORY, 1, ReplyKind.OK, 35, 45));
        t.add(new TraceEvent.ReplyReceived(45, 1, LinkId.ORDER_INVENTORY, 1, ReplyKind.OK));
        t.add(new TraceEvent.WorkerUnblocked(45, ORDER, 0, 1, 1, "reply"));
        t.add(new TraceEvent.WorkStarted(45, ORDER, 0, 1, Task.TAKE_PAYMENT, 50));
        t.add(new TraceEvent.InboundTaken(50, KITCHEN, 1, 2, InboundKind.QUEUE_MESSAGE, 30, 0));
        t.add(new TraceEvent.WorkStarted(50, KITCHEN, 1, 2, Task.COOK, 150));
        t.add(new TraceEvent.WorkFinished(50, ORDER, 0, 1, Task.TAKE_PAYMENT, true));
        t.add(new TraceEvent.MessageSent(50, LinkId.ORDER_KITCHEN, LinkStyle.QUEUE, 1, 50, 55));
        t.add(new TraceEvent.CustomerAnswered(50, 1, CustomerAnswer.ACCEPTED, 0));
        t.add(new TraceEvent.WorkerIdle(50, ORDER, 0));
        t.add(new TraceEvent.WorkStarted(60, INVENTORY, 0, 3, Task.CHECK_STOCK, 90));
        t.add(new TraceEvent.CallTimedOut(70, 9, LinkId.ORDER_INVENTORY, 3, ORDER, 0));
        t.add(new TraceEvent.OrderFinished(70, 3, Outcome.FAILED, 0, "timeout"));
        t.add(changed(80, INVENTORY, 1, false));
        t.add(new TraceEvent.WorkLost(80, INVENTORY, 0, 3));
        t.add(new TraceEvent.LateReplyDiscarded(90, 9, LinkId.ORDER_INVENTORY, 3, ReplyKind.OK));
        t.add(new TraceEvent.MessageLost(95, LinkId.KITCHEN_DELIVERY, 4, "event", 90));
        t.add(new TraceEvent.OrderFinished(95, 4, Outcome.LOST, 0, "event lost"));
        t.add(changed(100, DELIVERY, 3, true));
        t.add(new TraceEvent.WorkStarted(100, DELIVERY, 2, 1, Task.DISPATCH, 300));
        t.add(new TraceEvent.WorkFinished(130, KITCHEN, 0, 1, Task.COOK, true));
        t.add(new TraceEvent.WorkerIdle(130, KITCHEN, 0));
        t.add(new TraceEvent.WorkFinished(150, KITCHEN, 1, 2, Task.COOK, false));
        t.add(new TraceEvent.WorkerIdle(150, KITCHEN, 1));
        t.add(new TraceEvent.OrderFinished(200, 1, Outcome.DELIVERED, 0, "delivered"));
        return t;
    }

    private static TraceEvent.ServiceChanged changed(double timeMs, ServiceId service, int workers, boolean up) {
        return new TraceEvent.ServiceChanged(timeMs, service, ServiceSpec.defaults().withWorkers(workers), up, "test");
    }

    private static Report run(List<TraceEvent> events) {
        Metrics metrics = new Metrics();
        events.forEach(metrics::onEvent);
        return metrics.report();
    }

    @Test
    void theRunIsNamedAndTimedByItsTrace() {
        List<TraceEvent> events = handBuiltRun();
        Report report = run(events);
        assertEquals("Hand-built", report.flow());
        assertEquals(7, report.seed());
        assertEquals(200, report.simulatedMs());
        assertEquals(events.size(), report.events());
    }

    @Test
    void everyPlacedOrderIsInExactlyOneBucket() {
        Report.Orders orders = run(handBuiltRun()).orders();
        assertEquals(new Report.Orders(5, 1, 1, 1, 1, 0, 1, 1, 0, 0), orders);
        assertEquals(orders.placed(), orders.finished() + orders.inFlight());
    }

    @Test
    void acceptAndDeliveryLatenciesRunFromPlacingTheOrder() {
        Report report = run(handBuiltRun());
        Report.Latency accept = report.acceptLatencyMs();
        assertEquals(2, accept.count());
        assertEquals(35, accept.mean(), EPS);
        assertEquals(50, accept.max(), EPS);
        assertEquals(20, accept.p50(), 20 * 0.005);
        assertEquals(50, accept.p99(), 50 * 0.005);
        Report.Latency delivery = report.deliveryLatencyMs();
        assertEquals(new Report.Latency(1, 200, 200, 200, 200, 200), delivery);
    }

    @Test
    void kitchenUtilizationQueueLengthAndWaitsAreIntegratedOverTime() {
        Report.Service kitchen = run(handBuiltRun()).services().get(KITCHEN);
        // busy 30..130 and 50..150 = 200 worker-ms of 2 workers x 200 ms
        assertEquals(0.5, kitchen.utilization(), EPS);
        assertEquals(200, kitchen.busyMs(), EPS);
        assertEquals(0, kitchen.blockedMs(), EPS);
        // depth 1 on 10..20, 2 on 20..30, 1 on 30..50: 50 item-ms over 200 ms
        assertEquals(0.25, kitchen.meanQueueLength(), EPS);
        assertEquals(2, kitchen.maxQueueLength());
        assertEquals(25, kitchen.meanQueueWaitMs(), EPS);
        assertEquals(2, kitchen.handled());
        assertEquals(1, kitchen.errors());
        assertEquals(2, kitchen.taken());
    }

    @Test
    void aBlockedWorkerCountsAsOccupiedAndItsBlockedTimeIsReported() {
        Report.Service order = run(handBuiltRun()).services().get(ORDER);
        assertEquals(40, order.blockedMs(), EPS);
        // taken at 0, blocked at 5: busy 0..5 and 45..50
        assertEquals(10, order.busyMs(), EPS);
        assertEquals(50.0 / 200, order.utilization(), EPS);
        assertEquals(1, order.handled());
        assertEquals(0, order.meanQueueWaitMs(), EPS);
    }

    @Test
    void workerCapacityIsIntegratedWhenTheWorkerCountChanges() {
        Report.Service delivery = run(handBuiltRun()).services().get(DELIVERY);
        // capacity 1 x 100 + 3 x 100 = 400 worker-ms; worker 2 busy from 100 to the end
        assertEquals(100, delivery.busyMs(), EPS);
        assertEquals(0.25, delivery.utilization(), EPS);
    }

    @Test
    void aCrashFreesTheWorkerAndCountsTheLostWork() {
        Report.Service inventory = run(handBuiltRun()).services().get(INVENTORY);
        assertEquals(20, inventory.busyMs(), EPS);
        assertEquals(0.1, inventory.utilization(), EPS);
        assertEquals(1, inventory.workLost());
        assertEquals(0, inventory.handled());
    }

    @Test
    void linksCountTrafficLossTimeoutsAndTravelTime() {
        Report report = run(handBuiltRun());
        Report.Link stock = report.links().get(LinkId.ORDER_INVENTORY);
        assertEquals(2, stock.messages());
        assertEquals(1, stock.timeouts());
        assertEquals(1, stock.lateReplies());
        assertEquals(0, stock.lost());
        assertEquals(2, stock.latencyMs().count());
        assertEquals(15, stock.latencyMs().mean(), EPS);
        assertEquals(20, stock.latencyMs().max(), EPS);
        assertEquals(10, stock.latencyMs().p50(), 10 * 0.005);
        Report.Link kitchen = report.links().get(LinkId.ORDER_KITCHEN);
        assertEquals(1, kitchen.messages());
        assertEquals(5, kitchen.latencyMs().mean(), EPS);
        Report.Link delivery = report.links().get(LinkId.KITCHEN_DELIVERY);
        assertEquals(0, delivery.messages());
        assertEquals(1, delivery.lost());
    }

    @Test
    void occupiedWorkersAboveALoweredWorkerCountStillCountAsCapacity() {
        List<TraceEvent> t = new ArrayList<>();
        t.add(changed(0, KITCHEN, 2, true));
        t.add(new TraceEvent.WorkStarted(0, KITCHEN, 0, 1, Task.COOK, 30));
        t.add(new TraceEvent.WorkStarted(0, KITCHEN, 1, 2, Task.COOK, 20));
        t.add(changed(10, KITCHEN, 1, true));
        t.add(new TraceEvent.WorkerRetired(20, KITCHEN, 1));
        t.add(new TraceEvent.WorkerIdle(30, KITCHEN, 0));
        t.add(new TraceEvent.OrderPlaced(40, 3));
        Report.Service kitchen = run(t).services().get(KITCHEN);
        // capacity 2 on 0..20 (one worker over the new count until it retires), then 1: 60 worker-ms
        assertEquals(50, kitchen.busyMs(), EPS);
        assertEquals(50.0 / 60, kitchen.utilization(), EPS);
    }

    @Test
    void anUnblockAfterACrashDoesNotMakeTheWorkerBusyAgain() {
        List<TraceEvent> t = new ArrayList<>();
        t.add(changed(0, ORDER, 1, true));
        t.add(new TraceEvent.WorkerBlocked(0, ORDER, 0, 1, 1, LinkId.ORDER_INVENTORY, 1000));
        t.add(changed(10, ORDER, 1, false));
        t.add(new TraceEvent.WorkLost(10, ORDER, 0, 1));
        t.add(new TraceEvent.WorkerUnblocked(10, ORDER, 0, 1, 1, "crash"));
        t.add(new TraceEvent.OrderPlaced(100, 2));
        Report.Service order = run(t).services().get(ORDER);
        assertEquals(10, order.blockedMs(), EPS);
        assertEquals(0, order.busyMs(), EPS);
        assertEquals(0.1, order.utilization(), EPS);
    }

    @Test
    void workersBlockedNowAndAtTheWorstMomentAreCountedPerService() {
        Metrics metrics = new Metrics();
        metrics.onEvent(changed(0, ORDER, 3, true));
        metrics.onEvent(new TraceEvent.WorkerBlocked(1, ORDER, 0, 1, 1, LinkId.ORDER_INVENTORY, 1001));
        metrics.onEvent(new TraceEvent.WorkerBlocked(2, ORDER, 1, 2, 2, LinkId.ORDER_INVENTORY, 1002));
        assertEquals(2, metrics.blockedWorkersNow(ORDER));
        metrics.onEvent(new TraceEvent.WorkerUnblocked(3, ORDER, 0, 1, 1, "reply"));
        metrics.onEvent(new TraceEvent.WorkerBlocked(4, ORDER, 0, 3, 3, LinkId.ORDER_INVENTORY, 1004));
        metrics.onEvent(new TraceEvent.WorkerUnblocked(5, ORDER, 1, 2, 2, "reply"));
        metrics.onEvent(new TraceEvent.WorkerUnblocked(6, ORDER, 0, 3, 3, "reply"));
        assertEquals(0, metrics.blockedWorkersNow(ORDER));
        assertEquals(2, metrics.mostBlockedWorkers(ORDER));
        assertEquals(0, metrics.mostBlockedWorkers(ServiceId.KITCHEN));
        assertEquals(2 + 3 + 2, metrics.report().services().get(ORDER).blockedMs(), EPS);
    }

    @Test
    void aReportTakenMidRunDoesNotDisturbTheFinalOne() {
        List<TraceEvent> events = handBuiltRun();
        Metrics metrics = new Metrics();
        for (int i = 0; i < events.size(); i++) {
            metrics.onEvent(events.get(i));
            if (i == events.size() / 2) {
                Report partial = metrics.report();
                assertEquals(events.get(i).timeMs(), partial.simulatedMs());
            }
        }
        assertEquals(run(events), metrics.report());
    }

    @Test
    void aReportBeforeAnyEventIsAllZeros() {
        Report report = new Metrics().report();
        assertEquals(0, report.events());
        assertEquals(0, report.services().get(KITCHEN).utilization());
        assertEquals(0, report.services().get(KITCHEN).meanQueueLength());
        assertEquals(new Report.Orders(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), report.orders());
    }

    @Test
    void resilienceEventsAreCountedOnTheirLinksServicesAndOrders() {
        List<TraceEvent> t = new ArrayList<>();
        t.add(new TraceEvent.OrderPlaced(0, 1));
        t.add(new TraceEvent.OrderPlaced(0, 2));
        t.add(new TraceEvent.RetryScheduled(10, LinkId.ORDER_INVENTORY, 1, ORDER, 0, 2, 60));
        t.add(new TraceEvent.RetryScheduled(60, LinkId.ORDER_INVENTORY, 1, ORDER, 0, 3, 160));
        t.add(new TraceEvent.BreakerChanged(160, LinkId.ORDER_INVENTORY, BreakerState.CLOSED, BreakerState.OPEN, 0.6, "x"));
        t.add(new TraceEvent.CallRejected(170, LinkId.ORDER_INVENTORY, 2, ORDER, 1, CallRefusal.BREAKER_OPEN));
        t.add(new TraceEvent.BreakerChanged(300, LinkId.ORDER_INVENTORY, BreakerState.OPEN, BreakerState.HALF_OPEN, 0, "x"));
        t.add(new TraceEvent.FallbackUsed(310, 1, StockFallback.ACCEPT, "inventory unavailable"));
        t.add(new TraceEvent.AckSent(400, LinkId.ORDER_KITCHEN, 1, 400, 405));
        t.add(new TraceEvent.MessageRedelivered(410, LinkId.ORDER_KITCHEN, 1, 2, "consumer crashed"));
        t.add(new TraceEvent.DuplicateDelivery(420, KITCHEN, 0, 1, false));
        t.add(new TraceEvent.DuplicateDelivery(430, KITCHEN, 1, 1, true));
        t.add(new TraceEvent.MessageDeadLettered(440, LinkId.ORDER_KITCHEN, 2, 5, "too many deliveries"));
        t.add(new TraceEvent.OrderFinished(440, 2, Outcome.DEAD_LETTERED, 0, "dead-lettered"));
        t.add(new TraceEvent.EventMissed(450, LinkId.KITCHEN_DELIVERY, 1));
        Report report = run(t);
        Report.Link stock = report.links().get(LinkId.ORDER_INVENTORY);
        assertEquals(2, stock.retries());
        assertEquals(1, stock.callsRejected());
        assertEquals(1, stock.breakerOpened());
        Report.Link queue = report.links().get(LinkId.ORDER_KITCHEN);
        assertEquals(1, queue.acks());
        assertEquals(1, queue.redelivered());
        assertEquals(1, queue.deadLettered());
        assertEquals(0, queue.messages(), "acknowledgements are not order messages");
        assertEquals(1, report.links().get(LinkId.KITCHEN_DELIVERY).eventsMissed());
        assertEquals(1, report.services().get(KITCHEN).duplicates());
        assertEquals(1, report.services().get(KITCHEN).duplicatesSkipped());
        assertEquals(new Report.Orders(2, 0, 0, 0, 0, 1, 1, 0, 1, 0), report.orders());
    }

    @Test
    void callsRoutedToADownInstanceAreCountedAsStale() {
        List<TraceEvent> t = new ArrayList<>();
        t.add(new TraceEvent.Routed(10, ServiceId.INVENTORY, 1, 1, 1, false));
        t.add(new TraceEvent.Routed(20, ServiceId.INVENTORY, 2, 2, 2, true));
        t.add(new TraceEvent.Routed(30, ServiceId.INVENTORY, 1, 3, 3, false));
        t.add(new TraceEvent.Routed(40, ServiceId.ORDER, 0, 4, 0, true));
        Report report = run(t);
        assertEquals(2, report.services().get(ServiceId.INVENTORY).staleCalls());
        assertEquals(0, report.services().get(ServiceId.ORDER).staleCalls());
    }

    @Test
    void capacityCountsTheWorkersOfEveryInstance() {
        List<TraceEvent> t = new ArrayList<>();
        t.add(new TraceEvent.ServiceChanged(0, KITCHEN, ServiceSpec.defaults().withWorkers(2).withInstances(3), true, "x"));
        t.add(new TraceEvent.WorkStarted(0, KITCHEN, 5, 1, Task.COOK, 60));
        t.add(new TraceEvent.WorkerIdle(60, KITCHEN, 5));
        t.add(new TraceEvent.OrderPlaced(100, 1));
        // 60 busy worker-ms of 6 workers x 100 ms
        assertEquals(0.1, run(t).services().get(KITCHEN).utilization(), EPS);
    }

    @Test
    void anItemTakenTheMomentItArrivedDoesNotCountAsALongestLine() {
        List<TraceEvent> t = new ArrayList<>();
        t.add(new TraceEvent.RunStarted(0, "Never waits", 1));
        t.add(new TraceEvent.InboundArrived(10, ORDER, 1, InboundKind.NEW_ORDER, null, 1));
        t.add(new TraceEvent.InboundTaken(10, ORDER, 0, 1, InboundKind.NEW_ORDER, 0, 0));
        t.add(new TraceEvent.InboundArrived(20, KITCHEN, 1, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 1));
        t.add(new TraceEvent.InboundArrived(20, KITCHEN, 2, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 2));
        t.add(new TraceEvent.InboundTaken(20, KITCHEN, 0, 1, InboundKind.QUEUE_MESSAGE, 0, 1));
        t.add(new TraceEvent.InboundTaken(35, KITCHEN, 1, 2, InboundKind.QUEUE_MESSAGE, 15, 0));
        t.add(new TraceEvent.WorkerIdle(50, ORDER, 0));
        Report report = run(t);
        assertEquals(0, report.services().get(ORDER).maxQueueLength(), "nobody waited at Order");
        assertEquals(1, report.services().get(KITCHEN).maxQueueLength(), "one message waited 20..35");
    }

    @Test
    void theWaitForADeliveryAgentIsReportedOnDelivery() {
        List<TraceEvent> t = new ArrayList<>();
        t.add(new TraceEvent.RunStarted(0, "Agents", 1));
        t.add(new TraceEvent.AgentAssigned(0, 1, 0, 1000, 0, 0));
        t.add(new TraceEvent.AgentWaiting(100, 2, 1));
        t.add(new TraceEvent.AgentWaiting(200, 3, 2));
        t.add(new TraceEvent.AgentAssigned(1000, 2, 0, 2000, 0, 900));
        t.add(new TraceEvent.AgentAssigned(2000, 3, 0, 3000, 0, 1800));
        Report.Service delivery = run(t).services().get(DELIVERY);
        assertEquals(3, delivery.agentWaitMs().count());
        assertEquals(900, delivery.agentWaitMs().mean(), 1);
        assertEquals(1800, delivery.agentWaitMs().max(), 1800 * 0.01);
        assertEquals(2, delivery.maxAgentQueue());
        assertEquals(0, run(t).services().get(KITCHEN).agentWaitMs().count(), "only Delivery has agents");
    }
}
