package dev.switchboard.trace;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker itself: hand-made traces that break one promise each are caught, a sound one is not. */
class TraceInvariantsTest {
    private static final ServiceId ORDER = ServiceId.ORDER;

    private static List<String> check(boolean ended, TraceEvent... events) {
        TraceInvariants invariants = new TraceInvariants();
        for (TraceEvent e : events) {
            invariants.onEvent(e);
        }
        return invariants.violations(null, ended);
    }

    private static void assertCaught(String words, List<String> violations) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(words)), "expected \"" + words + "\" in " + violations);
    }

    @Test
    void aBlockedWorkerWhoseWorkIsLostWithoutAnUnblockIsCaught() {
        assertCaught("never unblocked", check(false,
                new TraceEvent.InboundArrived(0, ORDER, 1, InboundKind.NEW_ORDER, null, 1),
                new TraceEvent.InboundTaken(0, ORDER, 0, 1, InboundKind.NEW_ORDER, 0, 0),
                new TraceEvent.WorkerBlocked(0, ORDER, 0, 1, 1, LinkId.ORDER_INVENTORY, 100),
                new TraceEvent.WorkLost(50, ORDER, 0, 1)));
    }

    @Test
    void aWorkerUnblockedTwiceIsCaught() {
        assertCaught("not blocked", check(false,
                new TraceEvent.InboundArrived(0, ORDER, 1, InboundKind.NEW_ORDER, null, 1),
                new TraceEvent.InboundTaken(0, ORDER, 0, 1, InboundKind.NEW_ORDER, 0, 0),
                new TraceEvent.WorkerBlocked(0, ORDER, 0, 1, 1, LinkId.ORDER_INVENTORY, 100),
                new TraceEvent.WorkerUnblocked(10, ORDER, 0, 1, 1, "timeout"),
                new TraceEvent.WorkerUnblocked(10, ORDER, 0, 1, 1, "crash")));
    }

    @Test
    void anOrderWithTwoFatesAndADeadLetteredOrderThatIsDeliveredAreCaught() {
        assertCaught("second fate", check(false,
                new TraceEvent.OrderPlaced(0, 1),
                new TraceEvent.CustomerAnswered(0, 1, dev.switchboard.model.CustomerAnswer.FAILED, 0),
                new TraceEvent.OrderFinished(0, 1, dev.switchboard.model.Outcome.FAILED, 0, ""),
                new TraceEvent.OrderFinished(5, 1, dev.switchboard.model.Outcome.LOST, 0, "")));
        assertCaught("dead-lettered at 20.0 but its fate is delivered", check(false,
                new TraceEvent.OrderPlaced(0, 1),
                new TraceEvent.CustomerAnswered(0, 1, dev.switchboard.model.CustomerAnswer.ACCEPTED, 0),
                new TraceEvent.MessageDeadLettered(20, LinkId.ORDER_KITCHEN, 1, 2, ""),
                new TraceEvent.AgentAssigned(100, 1, 0, 100, Integer.MAX_VALUE, 0),
                new TraceEvent.OrderFinished(100, 1, dev.switchboard.model.Outcome.DELIVERED, 0, "")));
    }

    @Test
    void anAckThatNeverLandsAndSomethingTakenThatWasNeverEnqueuedAreCaught() {
        assertCaught("ack for order #1", check(true,
                new TraceEvent.AckSent(0, LinkId.ORDER_KITCHEN, 1, 0, 5)));
        assertCaught("not waiting", check(false,
                new TraceEvent.InboundTaken(0, ServiceId.KITCHEN, 0, 1, InboundKind.QUEUE_MESSAGE, 0, 0)));
        assertCaught("neither sent to arrive now", check(false,
                new TraceEvent.MessageSent(0, LinkId.ORDER_KITCHEN, dev.switchboard.model.LinkStyle.QUEUE, 1, 0, 5),
                new TraceEvent.InboundArrived(3, ServiceId.KITCHEN, 1, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 1)));
    }

    @Test
    void aTakeOfAMessageThatIsNotWaitingAndARedeliveryThatJoinsTheTailAreCaught() {
        LinkId link = LinkId.ORDER_KITCHEN;
        TraceEvent sent = new TraceEvent.MessageSent(0, link, dev.switchboard.model.LinkStyle.QUEUE, 1, 0, 5, 1);
        TraceEvent arrived = new TraceEvent.InboundArrived(5, ServiceId.KITCHEN, 1, InboundKind.QUEUE_MESSAGE, link, 1, 1, false);
        assertCaught("names message 2, which was never sent", check(false, sent, arrived,
                new TraceEvent.InboundTaken(5, ServiceId.KITCHEN, 0, 1, InboundKind.QUEUE_MESSAGE, 0, 0, link, 2)));
        assertCaught("message is TAKEN, not REDELIVERED", check(false, sent, arrived,
                new TraceEvent.InboundTaken(5, ServiceId.KITCHEN, 0, 1, InboundKind.QUEUE_MESSAGE, 0, 0, link, 1),
                new TraceEvent.InboundArrived(9, ServiceId.KITCHEN, 1, InboundKind.QUEUE_MESSAGE, link, 1, 1, true)));
        assertCaught("message is REDELIVERED, not SENT", check(false, sent, arrived,
                new TraceEvent.InboundTaken(5, ServiceId.KITCHEN, 0, 1, InboundKind.QUEUE_MESSAGE, 0, 0, link, 1),
                new TraceEvent.MessageRedelivered(9, link, 1, 1, "crash", 1),
                new TraceEvent.InboundArrived(9, ServiceId.KITCHEN, 1, InboundKind.QUEUE_MESSAGE, link, 1, 1, false)));
    }

    @Test
    void aQueueAboveItsCapacityIsCaught() {
        dev.switchboard.flow.LinkSpec spec = dev.switchboard.flow.LinkSpec.defaults(LinkId.ORDER_KITCHEN).withCapacity(1);
        assertCaught("queue of capacity 1", check(false,
                new TraceEvent.LinkChanged(0, LinkId.ORDER_KITCHEN, spec, ""),
                new TraceEvent.MessageSent(0, LinkId.ORDER_KITCHEN, dev.switchboard.model.LinkStyle.QUEUE, 1, 0, 0),
                new TraceEvent.MessageSent(0, LinkId.ORDER_KITCHEN, dev.switchboard.model.LinkStyle.QUEUE, 2, 0, 0),
                new TraceEvent.InboundArrived(0, ServiceId.KITCHEN, 1, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 1),
                new TraceEvent.InboundArrived(0, ServiceId.KITCHEN, 2, InboundKind.QUEUE_MESSAGE, LinkId.ORDER_KITCHEN, 2)));
    }

    @Test
    void aSoundTraceOfOneDeliveredOrderKeepsEveryPromise() throws Exception {
        dev.switchboard.system.Simulation simulation = new dev.switchboard.system.Simulation(
                dev.switchboard.flow.FlowLoader.loadSample("hybrid-order.json"));
        TraceInvariants invariants = new TraceInvariants();
        Metrics metrics = new Metrics();
        simulation.addListener(invariants);
        simulation.addListener(metrics);
        simulation.start();
        simulation.runToEnd();
        assertEquals(List.of(), invariants.violations(metrics.report(), true));
    }
}
