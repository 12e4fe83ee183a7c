package dev.switchboard.system;

import dev.switchboard.flow.FaultSpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.FaultKind;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact, single-order checks of what each part of the system does. */
class SystemBehaviourTest {

    /** One order at t=0 through fixed, easy-to-add-up times. */
    private static Flow oneOrder() {
        Map<ServiceId, ServiceSpec> services = new EnumMap<>(ServiceId.class);
        services.put(ServiceId.ORDER, ServiceSpec.defaults().withWorkers(1).withWorkMs(Distribution.fixed(5)));
        services.put(ServiceId.INVENTORY, ServiceSpec.defaults().withWorkMs(Distribution.fixed(30)));
        services.put(ServiceId.KITCHEN, ServiceSpec.defaults().withWorkMs(Distribution.fixed(500)));
        services.put(ServiceId.DELIVERY, ServiceSpec.defaults().withWorkMs(Distribution.fixed(20)).withAgents(1)
                .withTripMs(Distribution.fixed(1000)));
        Map<LinkId, LinkSpec> links = new EnumMap<>(LinkId.class);
        links.put(LinkId.ORDER_INVENTORY, LinkSpec.defaults(LinkId.ORDER_INVENTORY).withLatencyMs(Distribution.fixed(20)).withTimeoutMs(1000));
        links.put(LinkId.ORDER_KITCHEN, LinkSpec.defaults(LinkId.ORDER_KITCHEN).withLatencyMs(Distribution.fixed(5)));
        links.put(LinkId.KITCHEN_DELIVERY, LinkSpec.defaults(LinkId.KITCHEN_DELIVERY).withLatencyMs(Distribution.fixed(5)));
        return new Flow("one order", "", 1, new OrdersSpec(1, Distribution.ZERO), services, links, List.of());
    }

    private static Flow with(Flow flow, LinkId link, java.util.function.UnaryOperator<LinkSpec> change) {
        return flow.withLink(link, change.apply(flow.link(link)));
    }

    private static Flow with(Flow flow, ServiceId service, java.util.function.UnaryOperator<ServiceSpec> change) {
        return flow.withService(service, change.apply(flow.service(service)));
    }

    @Test
    void oneOrderTakesExactlyTheSumOfItsHopsAndWorkTimes() {
        RecordingRun run = new RecordingRun(oneOrder());
        run.simulation.runToEnd();
        // 20 request + 30 stock check + 20 reply + 5 payment + 5 to the queue + 500 cooking + 5 event + 20 dispatch + 1000 trip
        TraceEvent.OrderFinished finished = run.first(TraceEvent.OrderFinished.class);
        assertEquals(Outcome.DELIVERED, finished.outcome());
        assertEquals(1605, finished.timeMs(), 1e-9);
        TraceEvent.CustomerAnswered answered = run.first(TraceEvent.CustomerAnswered.class);
        assertEquals(CustomerAnswer.ACCEPTED, answered.answer());
        assertEquals(75, answered.timeMs(), 1e-9);
        List<OrderStatus> statuses = run.all(TraceEvent.OrderStatusChanged.class).stream().map(TraceEvent.OrderStatusChanged::to).toList();
        assertEquals(List.of(OrderStatus.STOCK_CONFIRMED, OrderStatus.PAID, OrderStatus.QUEUED, OrderStatus.PREPARING,
                OrderStatus.READY, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED), statuses);
    }

    @Test
    void aBlockedWorkerIsReportedWithItsTimeoutAndFreedByTheReply() {
        RecordingRun run = new RecordingRun(oneOrder());
        run.simulation.runToEnd();
        TraceEvent.WorkerBlocked blocked = run.first(TraceEvent.WorkerBlocked.class);
        assertEquals(ServiceId.ORDER, blocked.service());
        assertEquals(LinkId.ORDER_INVENTORY, blocked.link());
        assertEquals(1000, blocked.timeoutAtMs(), 1e-9);
        TraceEvent.WorkerUnblocked unblocked = run.first(TraceEvent.WorkerUnblocked.class);
        assertEquals(70, unblocked.timeMs(), 1e-9);
        TraceEvent.RequestSent request = run.first(TraceEvent.RequestSent.class);
        assertEquals(20, request.arriveMs() - request.departMs(), 1e-9);
    }

    @Test
    void aTimeoutFreesTheCallerFailsTheOrderAndTheLateReplyIsDiscarded() {
        Flow flow = with(with(oneOrder(), LinkId.ORDER_INVENTORY, l -> l.withTimeoutMs(50)),
                ServiceId.INVENTORY, s -> s.withWorkMs(Distribution.fixed(100)));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        TraceEvent.CallTimedOut timedOut = run.first(TraceEvent.CallTimedOut.class);
        assertEquals(50, timedOut.timeMs(), 1e-9);
        assertEquals("timeout", run.first(TraceEvent.WorkerUnblocked.class).reason());
        assertEquals(Outcome.FAILED, run.first(TraceEvent.OrderFinished.class).outcome());
        TraceEvent.LateReplyDiscarded late = run.first(TraceEvent.LateReplyDiscarded.class);
        assertEquals(140, late.timeMs(), 1e-9);
        assertTrue(run.all(TraceEvent.ReplyReceived.class).isEmpty());
    }

    @Test
    void outOfStockRejectsTheOrderAndTellsTheCustomer() {
        RecordingRun run = new RecordingRun(with(oneOrder(), ServiceId.INVENTORY, s -> s.withStockOutRate(1)));
        run.simulation.runToEnd();
        assertEquals(ReplyKind.OUT_OF_STOCK, run.first(TraceEvent.ReplySent.class).kind());
        assertEquals(CustomerAnswer.REJECTED, run.first(TraceEvent.CustomerAnswered.class).answer());
        assertEquals(Outcome.REJECTED, run.first(TraceEvent.OrderFinished.class).outcome());
    }

    @Test
    void aLostRequestShowsWhereItWasLostAndEndsInATimeout() {
        RecordingRun run = new RecordingRun(with(oneOrder(), LinkId.ORDER_INVENTORY, l -> l.withLossRate(1)));
        run.simulation.runToEnd();
        TraceEvent.MessageLost lost = run.first(TraceEvent.MessageLost.class);
        assertEquals("request", lost.what());
        assertEquals(20, lost.timeMs(), 1e-9);
        assertEquals(1, run.all(TraceEvent.CallTimedOut.class).size());
        assertEquals(Outcome.FAILED, run.first(TraceEvent.OrderFinished.class).outcome());
    }

    @Test
    void aLostQueueMessageLosesTheOrderAfterTheCustomerWasTold() {
        RecordingRun run = new RecordingRun(with(oneOrder(), LinkId.ORDER_KITCHEN, l -> l.withLossRate(1)));
        run.simulation.runToEnd();
        assertEquals(CustomerAnswer.ACCEPTED, run.first(TraceEvent.CustomerAnswered.class).answer());
        assertEquals(Outcome.LOST, run.first(TraceEvent.OrderFinished.class).outcome());
    }

    @Test
    void aFullQueueRefusesTheMessageAndFailsTheOrder() {
        Flow flow = with(with(oneOrder(), LinkId.ORDER_KITCHEN, l -> l.withCapacity(1)), ServiceId.KITCHEN,
                s -> s.withWorkMs(Distribution.fixed(10_000)));
        flow = new Flow("three", "", 1, new OrdersSpec(3, Distribution.ZERO), flow.services(), flow.links(), List.of());
        flow = with(flow, ServiceId.ORDER, s -> s.withWorkers(3));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        // the first is cooking, the second waits in the queue, the third finds it full
        assertEquals(1, run.all(TraceEvent.MessageRejected.class).size());
        assertEquals(2, run.all(TraceEvent.OrderFinished.class).stream().filter(f -> f.outcome() == Outcome.DELIVERED).count());
    }

    @Test
    void messagesWaitInTheQueueWhileTheKitchenIsDownAndDrainWhenItComesBack() {
        Flow flow = oneOrder();
        flow = new Flow("five", "", 1, new OrdersSpec(5, Distribution.fixed(10)), flow.services(), flow.links(),
                List.of(new FaultSpec(ServiceId.KITCHEN, null, FaultKind.DOWN, 0, 5_000, 0)));
        flow = with(flow, ServiceId.ORDER, s -> s.withWorkers(5));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runUntil(4_999);
        int waiting = run.all(TraceEvent.InboundArrived.class).stream()
                .filter(a -> a.service() == ServiceId.KITCHEN && a.kind() == InboundKind.QUEUE_MESSAGE).mapToInt(a -> 1).sum();
        assertEquals(5, waiting);
        assertTrue(run.all(TraceEvent.InboundTaken.class).stream().noneMatch(t -> t.service() == ServiceId.KITCHEN));
        run.simulation.runToEnd();
        assertEquals(5, run.all(TraceEvent.OrderFinished.class).stream().filter(f -> f.outcome() == Outcome.DELIVERED).count());
    }

    @Test
    void aCrashLosesTheWorkInHandButNotTheMessagesInTheBroker() {
        Flow flow = oneOrder();
        flow = new Flow("two", "", 1, new OrdersSpec(2, Distribution.ZERO), flow.services(), flow.links(), List.of());
        flow = with(flow, ServiceId.ORDER, s -> s.withWorkers(2));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runUntil(200); // order 1 cooking, order 2 in the queue
        run.simulation.apply(new Command.SetServiceDown(ServiceId.KITCHEN, true));
        TraceEvent.WorkLost lost = run.first(TraceEvent.WorkLost.class);
        assertEquals(1, lost.orderId());
        run.simulation.apply(new Command.SetServiceDown(ServiceId.KITCHEN, false));
        run.simulation.runToEnd();
        Map<Long, Outcome> outcomes = new java.util.HashMap<>();
        run.all(TraceEvent.OrderFinished.class).forEach(f -> outcomes.put(f.orderId(), f.outcome()));
        assertEquals(Map.of(1L, Outcome.LOST, 2L, Outcome.DELIVERED), outcomes);
    }

    @Test
    void aSyncRequestToADownServiceGetsUnavailableAtOnce() {
        RecordingRun run = new RecordingRun(oneOrder());
        run.simulation.apply(new Command.SetServiceDown(ServiceId.INVENTORY, true));
        run.simulation.runToEnd();
        TraceEvent.ReplySent reply = run.first(TraceEvent.ReplySent.class);
        assertEquals(ReplyKind.UNAVAILABLE, reply.kind());
        assertEquals(20, reply.timeMs(), 1e-9);
        assertEquals(Outcome.FAILED, run.first(TraceEvent.OrderFinished.class).outcome());
        assertTrue(run.all(TraceEvent.CallTimedOut.class).isEmpty());
    }

    @Test
    void withOrderToKitchenSyncTheOrderWorkerStaysBlockedUntilTheMealIsHandedOn() {
        RecordingRun run = new RecordingRun(with(oneOrder(), LinkId.ORDER_KITCHEN, l -> l.withStyle(LinkStyle.SYNC)));
        run.simulation.runToEnd();
        List<TraceEvent.WorkerBlocked> blocked = run.all(TraceEvent.WorkerBlocked.class);
        assertEquals(2, blocked.size());
        assertEquals(LinkId.ORDER_KITCHEN, blocked.get(1).link());
        // blocked from 75 (after payment) until the kitchen's reply: 5 + 500 cooking + 5 back
        TraceEvent.WorkerUnblocked second = run.all(TraceEvent.WorkerUnblocked.class).get(1);
        assertEquals(585, second.timeMs(), 1e-9);
        assertEquals(585, run.first(TraceEvent.CustomerAnswered.class).timeMs(), 1e-9);
        assertEquals(Outcome.DELIVERED, run.first(TraceEvent.OrderFinished.class).outcome());
    }

    @Test
    void withKitchenToDeliverySyncTheKitchenWaitsForAnAgent() {
        Flow flow = with(oneOrder(), LinkId.KITCHEN_DELIVERY, l -> l.withStyle(LinkStyle.SYNC));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        TraceEvent.WorkerBlocked kitchenBlocked = run.all(TraceEvent.WorkerBlocked.class).stream()
                .filter(b -> b.service() == ServiceId.KITCHEN).findFirst().orElseThrow();
        assertEquals(LinkId.KITCHEN_DELIVERY, kitchenBlocked.link());
        assertEquals(Outcome.DELIVERED, run.first(TraceEvent.OrderFinished.class).outcome());
        assertEquals(1605, run.first(TraceEvent.OrderFinished.class).timeMs(), 1e-9);
    }

    @Test
    void flippingTheStyleAppliesToNewWorkAndIsAnnounced() {
        RecordingRun run = new RecordingRun(oneOrder());
        run.simulation.apply(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC));
        TraceEvent.LinkChanged changed = run.all(TraceEvent.LinkChanged.class).get(3);
        assertEquals(LinkStyle.SYNC, changed.settings().style());
        assertTrue(run.first(TraceEvent.CommandApplied.class).command() instanceof Command.SetLinkStyle);
        run.simulation.runToEnd();
        assertTrue(run.all(TraceEvent.MessageSent.class).stream().noneMatch(m -> m.link() == LinkId.ORDER_KITCHEN));
    }

    @Test
    void anImpossibleStyleOrValueIsRefusedBeforeItReachesTheEngine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Command.SetLinkStyle(LinkId.ORDER_INVENTORY, LinkStyle.QUEUE));
        assertTrue(e.getMessage().contains("cannot be queue"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Command.SetErrorRate(ServiceId.KITCHEN, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Command.SetWorkers(ServiceId.KITCHEN, 0));
    }

    @Test
    void loweringTheWorkerCountRetiresWorkersOnlyAfterTheyFinish() {
        Flow flow = with(oneOrder(), ServiceId.KITCHEN, s -> s.withWorkers(2));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runUntil(200); // kitchen worker 0 cooks order 1
        run.simulation.apply(new Command.SetWorkers(ServiceId.KITCHEN, 1));
        TraceEvent.WorkerRetired retired = run.first(TraceEvent.WorkerRetired.class);
        assertEquals(1, retired.worker(), "the idle worker 1 retires at once");
        run.simulation.apply(new Command.SetWorkers(ServiceId.KITCHEN, 3));
        assertEquals(3, run.all(TraceEvent.ServiceChanged.class).stream().filter(c -> c.service() == ServiceId.KITCHEN)
                .reduce((a, b) -> b).orElseThrow().settings().workers());
        run.simulation.runToEnd();
        assertEquals(Outcome.DELIVERED, run.first(TraceEvent.OrderFinished.class).outcome());
    }

    @Test
    void ordersWaitForAFreeAgentInArrivalOrder() {
        Flow flow = oneOrder();
        flow = new Flow("three", "", 1, new OrdersSpec(3, Distribution.ZERO), flow.services(), flow.links(), List.of());
        flow = with(with(flow, ServiceId.ORDER, s -> s.withWorkers(3)), ServiceId.KITCHEN, s -> s.withWorkers(3));
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        assertEquals(2, run.all(TraceEvent.AgentWaiting.class).size());
        List<Long> assignedOrder = run.all(TraceEvent.AgentAssigned.class).stream().map(TraceEvent.AgentAssigned::orderId).toList();
        assertEquals(List.of(1L, 2L, 3L), assignedOrder);
        assertFalse(run.simulation.hasPendingEvents());
    }

    @Test
    void automaticArrivalsFollowTheRateAndStopAtZero() {
        Flow flow = new Flow("none", "", 3, new OrdersSpec(0, Distribution.ZERO), oneOrder().services(), oneOrder().links(), List.of());
        RecordingRun run = new RecordingRun(flow);
        run.simulation.apply(new Command.SetArrivalRate(10));
        run.simulation.runUntil(100_000);
        int placed = run.all(TraceEvent.OrderPlaced.class).size();
        assertEquals(1000, placed, 100, "about 10 orders a second for 100 s");
        run.simulation.apply(new Command.SetArrivalRate(0));
        run.simulation.runUntil(200_000);
        assertEquals(placed, run.all(TraceEvent.OrderPlaced.class).size());
    }
}
