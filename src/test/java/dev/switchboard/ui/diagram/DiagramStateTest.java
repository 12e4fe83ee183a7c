package dev.switchboard.ui.diagram;

import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import dev.switchboard.model.WorkerState;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceEvent.AgentAssigned;
import dev.switchboard.trace.TraceEvent.AgentReleased;
import dev.switchboard.trace.TraceEvent.AgentWaiting;
import dev.switchboard.trace.TraceEvent.CallTimedOut;
import dev.switchboard.trace.TraceEvent.InboundArrived;
import dev.switchboard.trace.TraceEvent.InboundTaken;
import dev.switchboard.trace.TraceEvent.LinkChanged;
import dev.switchboard.trace.TraceEvent.MessageLost;
import dev.switchboard.trace.TraceEvent.MessageRejected;
import dev.switchboard.trace.TraceEvent.MessageSent;
import dev.switchboard.trace.TraceEvent.OrderFinished;
import dev.switchboard.trace.TraceEvent.OrderPlaced;
import dev.switchboard.trace.TraceEvent.OrderStatusChanged;
import dev.switchboard.trace.TraceEvent.ReplySent;
import dev.switchboard.trace.TraceEvent.RequestSent;
import dev.switchboard.trace.TraceEvent.ServiceChanged;
import dev.switchboard.trace.TraceEvent.WorkStarted;
import dev.switchboard.trace.TraceEvent.WorkerBlocked;
import dev.switchboard.trace.TraceEvent.WorkerIdle;
import dev.switchboard.trace.TraceEvent.WorkerUnblocked;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagramStateTest {

    private final DiagramState state = new DiagramState();

    private static ServiceSpec workers(int n) {
        return ServiceSpec.defaults().withWorkers(n);
    }

    private void feed(TraceEvent... events) {
        for (TraceEvent e : events) {
            state.onEvent(e);
        }
    }

    @BeforeEach
    void startRun() {
        feed(new TraceEvent.RunStarted(0, "hand-built", 1),
                new ServiceChanged(0, ServiceId.ORDER, workers(2), true, "start"),
                new ServiceChanged(0, ServiceId.INVENTORY, workers(1), true, "start"),
                new ServiceChanged(0, ServiceId.KITCHEN, workers(2), true, "start"),
                new ServiceChanged(0, ServiceId.DELIVERY, workers(1).withAgents(2), true, "start"),
                new LinkChanged(0, LinkId.ORDER_KITCHEN, LinkSpec.defaults(LinkId.ORDER_KITCHEN).withCapacity(1000), "start"));
    }

    @Test
    void anOrderWorkerWaitingForInventoryIsBlockedUntilItsTimeout() {
        feed(new OrderPlaced(10, 7),
                new InboundArrived(10, ServiceId.ORDER, 7, InboundKind.NEW_ORDER, null, 1),
                new InboundTaken(10, ServiceId.ORDER, 1, 7, InboundKind.NEW_ORDER, 0, 0),
                new RequestSent(10, 3, LinkId.ORDER_INVENTORY, 7, 10, 30),
                new WorkerBlocked(10, ServiceId.ORDER, 1, 7, 3, LinkId.ORDER_INVENTORY, 1010));

        WorkerSlot slot = state.service(ServiceId.ORDER).workers().get(1);
        assertEquals(WorkerState.BLOCKED, slot.state());
        assertEquals(7, slot.orderId());
        assertEquals(LinkId.ORDER_INVENTORY, slot.waitsOn());
        assertEquals(ServiceId.INVENTORY, slot.callee());
        assertEquals(1010, slot.timeoutAtMs());
        assertEquals(760, slot.timeoutInMs(250));
        assertEquals(WorkerState.IDLE, state.service(ServiceId.ORDER).workers().get(0).state());

        feed(new WorkerUnblocked(60, ServiceId.ORDER, 1, 7, 3, "reply"),
                new WorkStarted(60, ServiceId.ORDER, 1, 7, Task.TAKE_PAYMENT, 65));
        WorkerSlot working = state.service(ServiceId.ORDER).workers().get(1);
        assertEquals(WorkerState.BUSY, working.state());
        assertEquals(Task.TAKE_PAYMENT, working.task());
        assertNull(working.waitsOn());
        assertEquals(0.4, working.workProgressAt(62), 1e-9);

        feed(new WorkerIdle(65, ServiceId.ORDER, 1));
        assertEquals(WorkerState.IDLE, state.service(ServiceId.ORDER).workers().get(1).state());
        assertEquals(0, state.service(ServiceId.ORDER).workers().get(1).orderId());
    }

    @Test
    void aRequestTokenIsPlacedByInterpolatingItsDepartureAndArrival() {
        feed(new RequestSent(100, 1, LinkId.ORDER_INVENTORY, 4, 100, 120));

        List<Token> flying = state.tokensInFlightAt(105);
        assertEquals(1, flying.size());
        Token token = flying.get(0);
        assertEquals(TokenKind.REQUEST, token.kind());
        assertEquals(TokenLeg.CALL, token.leg());
        assertEquals(0.25, token.progressAt(105), 1e-9);

        DiagramLayout layout = new DiagramLayout();
        DiagramLayout.Lane lane = layout.lane(LinkId.ORDER_INVENTORY, TokenLeg.CALL);
        DiagramLayout.Point p = layout.positionOf(token, 105);
        assertEquals(lane.start().x(), p.x(), 1e-9);
        assertEquals(lane.start().y() + 0.25 * (lane.end().y() - lane.start().y()), p.y(), 1e-9);

        double[] xy = new double[2];
        layout.place(token, 105, xy);
        assertEquals(p, new DiagramLayout.Point(xy[0], xy[1]), "the renderer's allocation-free path agrees");

        assertTrue(state.tokensInFlightAt(120).isEmpty(), "arrived at 120, no longer travelling");
        assertTrue(state.tokensInFlightAt(99).isEmpty(), "not yet left at 99");
    }

    @Test
    void repliesAreGreenWhenAnsweredAndFailedWhenTheCalleeErred() {
        feed(new ReplySent(50, 1, LinkId.ORDER_INVENTORY, 4, ReplyKind.OUT_OF_STOCK, 50, 70),
                new ReplySent(51, 2, LinkId.ORDER_INVENTORY, 5, ReplyKind.ERROR, 51, 71),
                new ReplySent(52, 3, LinkId.ORDER_INVENTORY, 6, ReplyKind.UNAVAILABLE, 52, 72));

        List<TokenKind> kinds = state.tokensInFlightAt(60).stream()
                .sorted(java.util.Comparator.comparingLong(Token::orderId)).map(Token::kind).toList();
        assertEquals(List.of(TokenKind.REPLY, TokenKind.REPLY_FAILED, TokenKind.REPLY_FAILED), kinds);
        assertTrue(state.tokensInFlightAt(60).stream().allMatch(t -> t.leg() == TokenLeg.RETURN));
    }

    @Test
    void queueChipsKeepFifoOrderAndATakeSendsAShortTokenToTheKitchen() {
        feed(new InboundArrived(10, ServiceId.KITCHEN, 3, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 1, 31, false),
                new InboundArrived(11, ServiceId.KITCHEN, 1, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 2, 11, false),
                new InboundArrived(12, ServiceId.KITCHEN, 2, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 3, 21, false));
        assertEquals(List.of(3L, 1L, 2L), state.queueChips());
        assertEquals(1000, state.queueCapacity());
        assertEquals(3, state.service(ServiceId.KITCHEN).backlogDepth());
        assertTrue(state.service(ServiceId.KITCHEN).directBacklog().isEmpty(), "queued messages wait at the broker");

        feed(new InboundTaken(20, ServiceId.KITCHEN, 0, 3, InboundKind.QUEUE_MESSAGE, 10, 2, LinkId.ORDER_KITCHEN, 31));
        assertEquals(List.of(1L, 2L), state.queueChips());
        WorkerSlot cook = state.service(ServiceId.KITCHEN).workers().get(0);
        assertEquals(WorkerState.BUSY, cook.state());
        assertEquals(3, cook.orderId());
        Token take = state.tokensInFlightAt(20).get(0);
        assertEquals(TokenLeg.FROM_HUB, take.leg());
        assertEquals(TokenKind.QUEUE_MESSAGE, take.kind());
        assertEquals(3, take.orderId());
        assertEquals(20 + DiagramState.HUB_TAKE_MS, take.arriveMs());
        assertEquals(31, take.id(), "the token is the message the take names");
    }

    @Test
    void aMessageJoinsTheLineWhereTheArrivalSaysHeadForARedelivery() {
        LinkId ok = LinkId.ORDER_KITCHEN;
        feed(new InboundArrived(10, ServiceId.KITCHEN, 1, InboundKind.QUEUE_MESSAGE, ok, 1, 1, false),
                new InboundArrived(11, ServiceId.KITCHEN, 2, InboundKind.QUEUE_MESSAGE, ok, 2, 2, false),
                new InboundTaken(12, ServiceId.KITCHEN, 0, 1, InboundKind.QUEUE_MESSAGE, 2, 1, ok, 1),
                new TraceEvent.MessageRedelivered(20, ok, 1, 1, "consumer crashed", 1),
                new InboundArrived(20, ServiceId.KITCHEN, 1, InboundKind.QUEUE_MESSAGE, ok, 2, 1, true),
                new InboundArrived(21, ServiceId.KITCHEN, 3, InboundKind.QUEUE_MESSAGE, ok, 3, 3, false));
        assertEquals(List.of(1L, 2L, 3L), state.queueChips());
        assertEquals(java.util.Set.of(1L), state.redeliveredWaiting(ServiceId.KITCHEN));
    }

    @Test
    void aTakeRemovesTheMessageItNamesNotTheFirstOfItsOrder() {
        LinkId ok = LinkId.ORDER_KITCHEN;
        // the same order twice in the queue (a duplicate publish): the take names the second message
        feed(new InboundArrived(10, ServiceId.KITCHEN, 4, InboundKind.QUEUE_MESSAGE, ok, 1, 7, false),
                new InboundArrived(11, ServiceId.KITCHEN, 5, InboundKind.QUEUE_MESSAGE, ok, 2, 8, false),
                new InboundArrived(12, ServiceId.KITCHEN, 4, InboundKind.QUEUE_MESSAGE, ok, 3, 9, true),
                new TraceEvent.MessageRedelivered(12, ok, 4, 1, "no ack", 9));
        feed(new InboundTaken(13, ServiceId.KITCHEN, 0, 4, InboundKind.QUEUE_MESSAGE, 3, 2, ok, 7));
        assertEquals(List.of(4L, 5L), state.queueChips(), "message 9 of order 4 still waits at the head");
    }

    @Test
    void aLostMessageLeavesAMarkAtItsWouldBeArrivalThatFadesOut() {
        feed(new MessageSent(100, LinkId.ORDER_KITCHEN, LinkStyle.QUEUE, 9, 100, 105),
                new MessageLost(105, LinkId.ORDER_KITCHEN, 9, "message", 100));

        assertTrue(state.tokens().isEmpty(), "the lost message no longer travels");
        List<LostMark> marks = state.lostMarks();
        assertEquals(1, marks.size());
        LostMark mark = marks.get(0);
        assertEquals(TokenLeg.TO_HUB, mark.leg());
        assertEquals(9, mark.orderId());
        assertEquals(1.0, mark.opacityAt(105), 1e-9);
        assertEquals(0.5, mark.opacityAt(105 + LostMark.FADE_MS / 2), 1e-9);
        DiagramLayout layout = new DiagramLayout();
        assertEquals(new DiagramLayout.Point(DiagramLayout.BROKER.x(), 370), layout.positionOf(mark));

        state.expireBefore(105 + LostMark.FADE_MS);
        assertTrue(state.lostMarks().isEmpty(), "faded away after " + LostMark.FADE_MS + " ms");
    }

    @Test
    void aLostRequestIsMarkedAtTheCallee() {
        feed(new RequestSent(0, 5, LinkId.ORDER_INVENTORY, 2, 0, 20),
                new MessageLost(20, LinkId.ORDER_INVENTORY, 2, "request", 0));
        LostMark mark = state.lostMarks().get(0);
        assertEquals(TokenLeg.CALL, mark.leg());
        assertEquals("request lost", mark.what());
    }

    @Test
    void aFullQueueRejectionIsMarkedAtTheBroker() {
        feed(new MessageSent(10, LinkId.ORDER_KITCHEN, LinkStyle.QUEUE, 4, 10, 15),
                new MessageRejected(15, LinkId.ORDER_KITCHEN, 4, "queue full"));
        assertTrue(state.tokens().isEmpty());
        assertEquals(TokenLeg.TO_HUB, state.lostMarks().get(0).leg());
    }

    @Test
    void switchingOrderToKitchenToSyncRoutesNewWorkOnTheDirectEdge() {
        feed(new MessageSent(10, LinkId.ORDER_KITCHEN, LinkStyle.QUEUE, 1, 10, 50),
                new LinkChanged(20, LinkId.ORDER_KITCHEN,
                        LinkSpec.defaults(LinkId.ORDER_KITCHEN).withStyle(LinkStyle.SYNC), "command"),
                new RequestSent(30, 8, LinkId.ORDER_KITCHEN, 2, 30, 70));

        assertEquals(LinkStyle.SYNC, state.link(LinkId.ORDER_KITCHEN).style());
        List<Token> flying = state.tokensInFlightAt(40);
        Token old = flying.stream().filter(t -> t.orderId() == 1).findFirst().orElseThrow();
        Token fresh = flying.stream().filter(t -> t.orderId() == 2).findFirst().orElseThrow();
        assertEquals(TokenLeg.TO_HUB, old.leg(), "what was already on its way finishes the old way");
        assertEquals(TokenLeg.CALL, fresh.leg());
        assertEquals(TokenKind.REQUEST, fresh.kind());
    }

    @Test
    void kitchenToDeliveryAsEventGoesThroughTheTopicAndItsSubscription() {
        feed(new MessageSent(10, LinkId.KITCHEN_DELIVERY, LinkStyle.EVENT, 6, 10, 15));
        assertEquals(TokenKind.EVENT, state.tokensInFlightAt(12).get(0).kind());
        feed(new InboundArrived(15, ServiceId.DELIVERY, 6, InboundKind.EVENT, LinkId.KITCHEN_DELIVERY, 1),
                new InboundArrived(16, ServiceId.DELIVERY, 8, InboundKind.EVENT, LinkId.KITCHEN_DELIVERY, 2));
        assertEquals(List.of(6L, 8L), state.mealReadyBacklog());
        assertTrue(state.tokensInFlightAt(16).isEmpty(), "the event reached the topic");
    }

    @Test
    void aTimeoutIsShownOnTheCallerForAWhile() {
        feed(new CallTimedOut(1010, 3, LinkId.ORDER_INVENTORY, 7, ServiceId.ORDER, 1));
        TimeoutMark mark = state.timeoutMarks().get(0);
        assertEquals(ServiceId.ORDER, mark.caller());
        assertEquals(1, mark.worker());
        assertTrue(mark.showingAt(1010 + TimeoutMark.SHOW_MS - 1));
        assertFalse(mark.showingAt(1010 + TimeoutMark.SHOW_MS));
        state.expireBefore(1010 + TimeoutMark.SHOW_MS);
        assertTrue(state.timeoutMarks().isEmpty());
    }

    @Test
    void aCrashedServiceShowsEveryWorkerDownAndComesBackIdle() {
        // as the engine says it: the service's status, then each instance that went down, then the work lost
        feed(new InboundTaken(5, ServiceId.KITCHEN, 0, 3, InboundKind.QUEUE_MESSAGE, 0, 0),
                new ServiceChanged(10, ServiceId.KITCHEN, workers(2), false, "fault"),
                new TraceEvent.InstanceChanged(10, ServiceId.KITCHEN, 0, false, false, false, List.of(0, 1), "fault"),
                new TraceEvent.WorkLost(10, ServiceId.KITCHEN, 0, 3));
        ServiceStatus down = state.service(ServiceId.KITCHEN);
        assertFalse(down.up());
        assertTrue(down.workers().stream().allMatch(w -> w.state() == WorkerState.DOWN));
        assertEquals(0, down.workers().get(0).orderId(), "its work was lost");

        feed(new ServiceChanged(20, ServiceId.KITCHEN, workers(2), true, "fault over"));
        assertTrue(state.service(ServiceId.KITCHEN).workers().stream().allMatch(w -> w.state() == WorkerState.DOWN),
                "the service is up again once its instance says so");
        feed(new TraceEvent.InstanceChanged(20, ServiceId.KITCHEN, 0, true, false, false, List.of(0, 1), "fault over"));
        assertTrue(state.service(ServiceId.KITCHEN).workers().stream().allMatch(w -> w.state() == WorkerState.IDLE));
    }

    @Test
    void slowdownErrorRateAndWorkerCountComeFromServiceChanged() {
        feed(new ServiceChanged(10, ServiceId.INVENTORY, workers(3).withSlowdown(4).withErrorRate(0.2), true, "command"));
        ServiceStatus inventory = state.service(ServiceId.INVENTORY);
        assertTrue(inventory.slowed());
        assertEquals(4, inventory.slowdown());
        assertEquals(0.2, inventory.errorRate());
        assertEquals(3, inventory.workers().size());

        // the engine retired idle worker 1 at once; worker 2 holds an order and retires when done
        feed(new InboundTaken(11, ServiceId.INVENTORY, 2, 5, InboundKind.REQUEST, 0, 0, LinkId.ORDER_INVENTORY, 0),
                new TraceEvent.WorkerRetired(12, ServiceId.INVENTORY, 1),
                new ServiceChanged(12, ServiceId.INVENTORY, workers(1), true, "command",
                        List.of(seat(0, false), seat(2, true)), ServiceSpec.UNLIMITED));
        ServiceStatus lowered = state.service(ServiceId.INVENTORY);
        assertEquals(List.of(0, 2), lowered.workers().stream().map(WorkerSlot::index).toList());
        assertEquals(1, lowered.workerCount(), "worker 2 keeps its order until done");
        assertEquals(1, lowered.stoppingCount());
        feed(new TraceEvent.WorkerRetired(13, ServiceId.INVENTORY, 2));
        assertEquals(1, state.service(ServiceId.INVENTORY).workers().size());
    }

    @Test
    void theWorkersAreTheOnesTheRosterListsRetiringOrNot() {
        feed(new InboundTaken(11, ServiceId.KITCHEN, 1, 5, InboundKind.QUEUE_MESSAGE, 0, 0, LinkId.ORDER_KITCHEN, 1),
                new ServiceChanged(12, ServiceId.KITCHEN, workers(1), true, "command",
                        List.of(seat(0, false), seat(1, true)), ServiceSpec.UNLIMITED),
                new ServiceChanged(13, ServiceId.KITCHEN, workers(2), true, "command",
                        List.of(seat(0, false), seat(1, false)), ServiceSpec.UNLIMITED));
        ServiceStatus kitchen = state.service(ServiceId.KITCHEN);
        assertEquals(List.of(0, 1), kitchen.workers().stream().map(WorkerSlot::index).toList());
        assertEquals(0, kitchen.stoppingCount(), "worker 1 is no longer retiring: the roster says so");
        assertEquals(5, kitchen.workers().get(1).orderId(), "and keeps what it holds");
        feed(new WorkerIdle(14, ServiceId.KITCHEN, 1));
        assertEquals(2, state.service(ServiceId.KITCHEN).workers().size());
    }

    private static dev.switchboard.model.WorkerSeat seat(int worker, boolean retiring) {
        return new dev.switchboard.model.WorkerSeat(worker, 0, retiring);
    }

    @Test
    void anOrderDispatchedTwiceWaitsTwiceForAnAgent() {
        feed(new AgentWaiting(10, 4, 1), new AgentWaiting(11, 4, 2));
        assertEquals(List.of(4L, 4L), state.agents().waitingOrders());
        feed(new AgentAssigned(20, 4, 0, 1020, 0, 10));
        assertEquals(List.of(4L), state.agents().waitingOrders(), "the second dispatch still waits");
    }

    @Test
    void deliveryAgentsGoOutAndComeBackWhileOrdersWait() {
        feed(new AgentAssigned(10, 1, 0, 1010, 1, 0),
                new AgentAssigned(11, 2, 1, 2011, 0, 0),
                new AgentWaiting(12, 3, 1));
        AgentPool pool = state.agents();
        assertEquals(2, pool.total());
        assertEquals(0, pool.free());
        assertEquals(List.of(3L), pool.waitingOrders());
        assertEquals(0.5, pool.busy().get(0).tripProgressAt(510), 1e-9);

        feed(new AgentReleased(1010, 0, 1), new AgentAssigned(1010, 3, 0, 1500, 0, 998));
        pool = state.agents();
        assertTrue(pool.waitingOrders().isEmpty());
        assertEquals(List.of(3L, 2L), pool.busy().stream().map(AgentSlot::orderId).toList());
    }

    @Test
    void eachOrderKeepsItsStatusHistoryAndTheCustomerCountsOutcomes() {
        feed(new OrderPlaced(0, 1),
                new OrderStatusChanged(0, 1, null, OrderStatus.PLACED, "placed"),
                new OrderStatusChanged(40, 1, OrderStatus.PLACED, OrderStatus.STOCK_CONFIRMED, "in stock"),
                new OrderPlaced(5, 2),
                new OrderStatusChanged(45, 1, OrderStatus.STOCK_CONFIRMED, OrderStatus.PAID, "paid"),
                new OrderFinished(50, 2, Outcome.REJECTED, 5, "no stock"));

        assertEquals(List.of(OrderStatus.PLACED, OrderStatus.STOCK_CONFIRMED, OrderStatus.PAID),
                state.historyOf(1).stream().map(OrderStatusChanged::to).toList(),
                "an engine-sent PLACED step replaces the one made from OrderPlaced");
        assertEquals(List.of(OrderStatus.PLACED), state.historyOf(2).stream().map(OrderStatusChanged::to).toList(),
                "the history starts at placement even without a status event");
        assertEquals(40, state.historyOf(1).get(1).timeMs());
        assertEquals(OrderStatus.PAID, state.statusOf(1));
        assertTrue(state.historyOf(99).isEmpty());
        CustomerTally tally = state.customer();
        assertEquals(2, tally.placed());
        assertEquals(1, tally.rejected());
        assertEquals(1, tally.open());
    }

    @Test
    void clearForgetsTheRun() {
        feed(new RequestSent(0, 1, LinkId.ORDER_INVENTORY, 1, 0, 10), new OrderPlaced(0, 1),
                new InboundArrived(0, ServiceId.KITCHEN, 3, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 1));
        long before = state.version();
        state.clear();
        assertTrue(state.tokens().isEmpty());
        assertTrue(state.queueChips().isEmpty());
        assertEquals(0, state.customer().placed());
        assertTrue(state.version() > before);
    }

    @Test
    void latencyLabelsComeFromTheLinkSettings() {
        feed(new LinkChanged(5, LinkId.ORDER_INVENTORY, LinkSpec.defaults(LinkId.ORDER_INVENTORY)
                .withLatencyMs(new Distribution.Uniform(10, 30)).withTimeoutMs(800).withLossRate(0.1), "command"));
        LinkStatus link = state.link(LinkId.ORDER_INVENTORY);
        assertEquals("10–30 ms", link.latencyDescription());
        assertEquals(800, link.timeoutMs());
        assertEquals(0.1, link.lossRate());
    }
}
