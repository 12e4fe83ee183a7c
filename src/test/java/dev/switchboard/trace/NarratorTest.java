package dev.switchboard.trace;

import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import dev.switchboard.sim.Distribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NarratorTest {
    private final Narrator narrator = new Narrator();

    @Test
    void aBlockedWorkerIsNamedFromOneAndSaysWhatItWaitsFor() {
        var event = new TraceEvent.WorkerBlocked(500, ServiceId.ORDER, 1, 7, 3, LinkId.ORDER_INVENTORY, 1500);
        assertEquals("The Order Service's worker 2 is now blocked — it asked Inventory for stock and can do "
                + "nothing else until the reply arrives or 1.0 s pass.", narrator.narrate(event));
    }

    @Test
    void aQueuedMessageCountsTheMessagesAheadOfIt() {
        var event = new TraceEvent.InboundArrived(800, ServiceId.KITCHEN, 7, InboundKind.QUEUE_MESSAGE,
                LinkId.ORDER_KITCHEN, 4);
        assertEquals("Order #7 waits in the kitchen queue (3 messages ahead).", narrator.narrate(event));
    }

    @Test
    void theFirstQueuedMessageHasNothingAhead() {
        var event = new TraceEvent.InboundArrived(800, ServiceId.KITCHEN, 7, InboundKind.QUEUE_MESSAGE,
                LinkId.ORDER_KITCHEN, 1);
        assertEquals("Order #7 waits in the kitchen queue (no messages ahead).", narrator.narrate(event));
    }

    @Test
    void aRedeliveredMessageIsNarratedBackAtTheHeadOfItsLineWithTheOthersBehindIt() {
        TraceEvent message = new TraceEvent.InboundArrived(40, ServiceId.KITCHEN, 7, InboundKind.QUEUE_MESSAGE,
                LinkId.ORDER_KITCHEN, 3, 12, true);
        assertEquals("Order #7 is back at the head of the kitchen queue (2 messages behind it).", narrator.narrate(message));
        TraceEvent event = new TraceEvent.InboundArrived(40, ServiceId.DELIVERY, 7, InboundKind.EVENT,
                LinkId.KITCHEN_DELIVERY, 1, 13, true);
        assertEquals("The MealReady event for order #7 is back at the head of the Delivery Service's subscription "
                + "(no events behind it).", narrator.narrate(event));
    }

    @Test
    void takingFromTheQueueSaysHowLongTheMessageWaited() {
        var event = new TraceEvent.InboundTaken(2000, ServiceId.KITCHEN, 0, 7, InboundKind.QUEUE_MESSAGE, 1200, 0);
        assertEquals("Kitchen worker 1 took order #7 from the queue after it waited 1.2 s.", narrator.narrate(event));
    }

    @Test
    void shortWaitsAreInMilliseconds() {
        var event = new TraceEvent.InboundTaken(2000, ServiceId.ORDER, 2, 4, InboundKind.NEW_ORDER, 0, 0);
        assertEquals("Order worker 3 took new order #4 after it waited 0 ms.", narrator.narrate(event));
    }

    @Test
    void aRequestSaysItsTravelTime() {
        var event = new TraceEvent.RequestSent(100, 3, LinkId.ORDER_INVENTORY, 7, 100, 120);
        assertEquals("The Order Service asked Inventory for stock for order #7 (order->inventory); "
                + "the request needs 20 ms to arrive.", narrator.narrate(event));
    }

    @Test
    void repliesSayTheAnswerInWords() {
        assertEquals("The Inventory Service answered \"out of stock\" for order #7; the reply needs 20 ms to travel back.",
                narrator.narrate(new TraceEvent.ReplySent(200, 3, LinkId.ORDER_INVENTORY, 7, ReplyKind.OUT_OF_STOCK, 200, 220)));
        assertEquals("The call for order #7 on order->kitchen is refused: the Kitchen Service is down; "
                        + "the reply needs 5 ms to travel back.",
                narrator.narrate(new TraceEvent.ReplySent(200, 3, LinkId.ORDER_KITCHEN, 7, ReplyKind.UNAVAILABLE, 200, 205)));
        assertEquals("The Order Service got the reply for order #7: in stock.",
                narrator.narrate(new TraceEvent.ReplyReceived(220, 3, LinkId.ORDER_INVENTORY, 7, ReplyKind.OK)));
    }

    @Test
    void workThatFailsBlamesTheErrorRate() {
        var event = new TraceEvent.WorkFinished(900, ServiceId.KITCHEN, 0, 7, Task.COOK, false);
        assertEquals("Kitchen worker 1 failed while preparing the meal for order #7 — the Kitchen Service's "
                + "error rate made it fail.", narrator.narrate(event));
    }

    @Test
    void startedWorkSaysHowLongItTakes() {
        var event = new TraceEvent.WorkStarted(1000, ServiceId.KITCHEN, 1, 7, Task.COOK, 1450);
        assertEquals("Kitchen worker 2 started preparing the meal for order #7; it will take 450 ms.",
                narrator.narrate(event));
    }

    @Test
    void queuedAndPublishedMessagesLetTheSenderGoOn() {
        assertEquals("The Order Service put order #7 on the kitchen queue and goes on at once; "
                        + "the message reaches the broker in 20 ms.",
                narrator.narrate(new TraceEvent.MessageSent(300, LinkId.ORDER_KITCHEN, LinkStyle.QUEUE, 7, 300, 320)));
        assertEquals("The Kitchen Service published MealReady for order #7 and goes on at once; "
                        + "the Delivery Service gets it in 10 ms.",
                narrator.narrate(new TraceEvent.MessageSent(300, LinkId.KITCHEN_DELIVERY, LinkStyle.EVENT, 7, 300, 310)));
    }

    @Test
    void aTimeoutNamesTheCallerAndTheCallee() {
        var event = new TraceEvent.CallTimedOut(1500, 3, LinkId.ORDER_INVENTORY, 7, ServiceId.ORDER, 0);
        assertEquals("The Order Service's worker 1 gave up on order #7: no reply from the Inventory Service came "
                + "before its timeout.", narrator.narrate(event));
    }

    @Test
    void statusChangesAndOutcomesCarryTheirReason() {
        assertEquals("Order #7 went from queued to preparing — a kitchen worker took it.",
                narrator.narrate(new TraceEvent.OrderStatusChanged(10, 7, OrderStatus.QUEUED, OrderStatus.PREPARING,
                        "a kitchen worker took it")));
        assertEquals("Order #7 ended delivered, 4.2 s after it was placed.",
                narrator.narrate(new TraceEvent.OrderFinished(5200, 7, dev.switchboard.model.Outcome.DELIVERED, 1000, "")));
    }

    @Test
    void aCommandIsNarratedWithItsOwnDescription() {
        var event = new TraceEvent.CommandApplied(0, new Command.SetErrorRate(ServiceId.KITCHEN, 0.2));
        assertEquals("You changed the run: Kitchen Service error rate set to 20%.", narrator.narrate(event));
    }

    @Test
    void aServiceDownSaysWhatThatMeans() {
        var event = new TraceEvent.ServiceChanged(0, ServiceId.KITCHEN, ServiceSpec.defaults(), false, "fault: Kitchen Service down for 5000 ms");
        assertEquals("The Kitchen Service is down — it does no work, refuses requests and its queued messages "
                + "wait (fault: Kitchen Service down for 5000 ms).", narrator.narrate(event));
    }

    @Test
    void aSyncLinkShowsItsTimeout() {
        var spec = new LinkSpec(LinkStyle.SYNC, new Distribution.Fixed(20), 0.1, 1000, LinkSpec.UNLIMITED);
        var event = new TraceEvent.LinkChanged(0, LinkId.ORDER_INVENTORY, spec, "");
        assertEquals("The link order->inventory is a sync link with latency 20 ms, losing 10%, timeout 1000 ms.",
                narrator.narrate(event));
    }

    @Test
    void agentsAreCountedFromOne() {
        assertEquals("Delivery agent 1 set off with order #7 and arrives in 2.0 s (2 free).",
                narrator.narrate(new TraceEvent.AgentAssigned(1000, 7, 0, 3000, 2, 0)));
    }

    @Test
    void anOrderThatWaitedForAnAgentIsToldHowLong() {
        assertEquals("Delivery agent 2 set off with order #8, which waited 1.5 s for an agent, and arrives in 2.0 s"
                        + " (0 free).",
                narrator.narrate(new TraceEvent.AgentAssigned(2500, 8, 1, 4500, 0, 1500)));
    }

    @Test
    void clockTimesHaveMillisecondPrecision() {
        assertEquals("12.345 s", Narrator.seconds(12_345));
        assertEquals("0.000 s", Narrator.seconds(0));
    }

    @Test
    void everyKindOfTraceEventHasASentenceOfItsOwn() {
        for (TraceEvent event : SampleEvents.oneOfEveryKind()) {
            String sentence = narrator.narrate(event);
            String kind = event.getClass().getSimpleName();
            assertFalse(sentence.startsWith(Narrator.UNNARRATED), kind + " has no sentence: " + sentence);
            assertTrue(sentence.endsWith("."), kind + ": " + sentence);
        }
    }

    @Test
    void resilienceEventsAreExplained() {
        assertEquals("The circuit breaker opened: calls on order->inventory are refused at once, without waiting "
                        + "(50% of recent calls failed).",
                narrator.narrate(new TraceEvent.BreakerChanged(10, LinkId.ORDER_INVENTORY,
                        dev.switchboard.model.BreakerState.CLOSED, dev.switchboard.model.BreakerState.OPEN, 0.5, "")));
        assertEquals("The Order Service's worker 2 will try order #7's call on order->inventory again in 200 ms "
                        + "(attempt 2); it stays blocked until then.",
                narrator.narrate(new TraceEvent.RetryScheduled(100, LinkId.ORDER_INVENTORY, 7, ServiceId.ORDER, 1, 2, 300)));
    }

    @Test
    void instancesAndWorkersAreCountedFromOne() {
        assertEquals("Instance 2 of the Kitchen Service is up with workers 3, 4 (scaled out).",
                narrator.narrate(new TraceEvent.InstanceChanged(0, ServiceId.KITCHEN, 1, true, false, false,
                        java.util.List.of(2, 3), "scaled out")));
        assertEquals("Order #7's call was routed to instance 1 of the Inventory Service, which is down: "
                        + "the caller's list of instances was out of date.",
                narrator.narrate(new TraceEvent.Routed(0, ServiceId.INVENTORY, 0, 7, 3, false, true)));
    }

    @Test
    void aCallRoutedWhileTheWholeServiceIsDownDoesNotBlameTheCallersList() {
        assertEquals("Order #7's call was routed to instance 1 of the Inventory Service, which is down, like every "
                        + "instance of the Inventory Service.",
                narrator.narrate(new TraceEvent.Routed(0, ServiceId.INVENTORY, 0, 7, 3, false, false)));
    }

    @Test
    void aPoisonMessageIsBlamedOnThePoisonNotOnTheErrorRate() {
        var event = new TraceEvent.WorkFinished(900, ServiceId.KITCHEN, 0, 7, Task.COOK, false,
                dev.switchboard.model.WorkFailure.POISON);
        assertEquals("Kitchen worker 1 failed while preparing the meal for order #7 — the order is a poison message: "
                + "no Kitchen Service worker can ever process it.", narrator.narrate(event));
    }

    @Test
    void aDeadLetteredOrderEndsDeadLetteredInWordsAndItsDeliveriesAreCountedInWords() {
        assertEquals("Order #7 ended dead-lettered, 4.2 s after it was placed.",
                narrator.narrate(new TraceEvent.OrderFinished(4200, 7, dev.switchboard.model.Outcome.DEAD_LETTERED, 0, "")));
    }

    @Test
    void inThePoisonMessageSampleADeadLetteredOrdersFailuresAreBlamedOnThePoison() throws Exception {
        dev.switchboard.flow.Flow flow = dev.switchboard.flow.SampleFlows.byFileName("poison-message.json").orElseThrow().load();
        java.util.Map<Long, java.util.List<String>> failures = new java.util.HashMap<>();
        java.util.Set<Long> deadLettered = new java.util.HashSet<>();
        java.util.List<String> finishes = new java.util.ArrayList<>();
        dev.switchboard.system.Simulation sim = new dev.switchboard.system.Simulation(flow);
        sim.addListener(e -> {
            if (e instanceof TraceEvent.WorkFinished w && !w.ok()) {
                failures.computeIfAbsent(w.orderId(), k -> new java.util.ArrayList<>()).add(narrator.narrate(e));
            }
            if (e instanceof TraceEvent.MessageDeadLettered d) {
                deadLettered.add(d.orderId());
            }
            if (e instanceof TraceEvent.OrderFinished || e instanceof TraceEvent.MessageDeadLettered) {
                finishes.add(narrator.narrate(e));
            }
        });
        sim.start();
        sim.runUntil(1e12);
        assertFalse(deadLettered.isEmpty(), "the sample dead-letters its poison orders");
        for (long order : deadLettered) {
            for (String sentence : failures.get(order)) {
                assertTrue(sentence.contains("poison message") && !sentence.contains("error rate"), sentence);
            }
        }
        assertTrue(failures.values().stream().flatMap(java.util.List::stream).anyMatch(s -> s.contains("error rate")),
                "its ordinary 5% errors are still blamed on the error rate");
        for (String sentence : finishes) {
            assertFalse(sentence.contains("deadLettered") || sentence.contains(" 1 times"), sentence);
        }
    }
}
