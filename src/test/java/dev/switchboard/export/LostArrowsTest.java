package dev.switchboard.export;

import dev.switchboard.flow.FlowLoader;
import dev.switchboard.spans.Arrow;
import dev.switchboard.spans.Mark;
import dev.switchboard.spans.SequenceModel;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.spans.ScriptedRuns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lost message, event or ack is crossed out where it vanished, on the arrow the trace's message id
 * names: in the exports and in the live diagram alike (one fold draws both).
 */
class LostArrowsTest {

    private static List<TraceEvent> play(String kitchenLink, String deliveryLink) throws Exception {
        return play(kitchenLink, deliveryLink, 1);
    }

    private static List<TraceEvent> play(String kitchenLink, String deliveryLink, int orders) throws Exception {
        return ScriptedRuns.play(FlowLoader.parse("""
                { "name": "Lossy", "seed": 3,
                  "orders": { "count": %d, "interarrivalMs": { "fixed": 100 } },
                  "services": {
                    "order":     { "workers": 1, "workMs": { "fixed": 5 } },
                    "inventory": { "workers": 1, "workMs": { "fixed": 10 } },
                    "kitchen":   { "workers": 1, "workMs": { "fixed": 50 } },
                    "delivery":  { "workers": 1, "workMs": { "fixed": 20 } }
                  },
                  "links": {
                    "order->inventory":  { "style": "sync", "latencyMs": { "fixed": 10 }, "timeoutMs": 300 },
                    "order->kitchen":    %s,
                    "kitchen->delivery": %s
                  } }
                """.formatted(orders, kitchenLink, deliveryLink), "lossy.json"), null);
    }

    private static SequenceModel model(List<TraceEvent> events) {
        SequenceModel model = new SequenceModel();
        events.forEach(model::onEvent);
        return model;
    }

    @Test
    void aQueuedMessageVanishesOnItsWayToTheBrokerQueue() throws Exception {
        List<TraceEvent> events = play("""
                { "style": "queue", "latencyMs": { "fixed": 5 }, "lossRate": 1.0 }""",
                """
                { "style": "event", "latencyMs": { "fixed": 5 } }""");
        String mermaid = Exports.mermaid(events, 20);
        assertTrue(mermaid.contains("Order-xQueue: order 1 message lost, at 140 ms"), mermaid);
        assertFalse(mermaid.contains("Order-xKitchen"), mermaid);
        assertTrue(Exports.plantUml(events, 20).contains("Order ->x Queue : order 1 message lost"));
        Arrow sent = model(events).arrows().stream().filter(a -> a.kind() == Arrow.Kind.TO_QUEUE).findFirst()
                .orElseThrow();
        assertEquals(Mark.Kind.LOST, sent.mark());
    }

    @Test
    void aMealReadyEventVanishesBetweenTheTopicAndItsSubscriber() throws Exception {
        List<TraceEvent> events = play("""
                { "style": "queue", "latencyMs": { "fixed": 5 } }""",
                """
                { "style": "event", "latencyMs": { "fixed": 5 }, "lossRate": 1.0 }""");
        String mermaid = Exports.mermaid(events, 20);
        assertTrue(mermaid.contains("Topic-xDelivery: order 1 event lost"), mermaid);
        assertFalse(mermaid.contains("Kitchen-xDelivery"), mermaid);
        Arrow fanOut = model(events).arrows().stream().filter(a -> a.kind() == Arrow.Kind.FAN_OUT).findFirst()
                .orElseThrow();
        assertEquals(Mark.Kind.LOST, fanOut.mark());
    }

    @Test
    void anAckVanishesOnItsWayFromTheConsumerBackToTheQueue() throws Exception {
        List<TraceEvent> events = play("""
                { "style": "queue", "latencyMs": { "fixed": 5 }, "acks": true, "ackTimeoutMs": 1000,
                  "lossRate": 0.5 }""",
                """
                { "style": "event", "latencyMs": { "fixed": 5 } }""", 10);
        TraceEvent.MessageLost ack = events.stream().filter(e -> e instanceof TraceEvent.MessageLost l
                && l.what().equals("ack")).map(e -> (TraceEvent.MessageLost) e).findFirst().orElse(null);
        assertTrue(ack != null, "ten orders on a link losing half of everything lose an ack");
        String mermaid = Exports.mermaid(events, 20);
        assertTrue(mermaid.contains("Kitchen-xQueue: order " + ack.orderId() + " ack lost"), mermaid);
        assertFalse(mermaid.contains("Order-xKitchen"), mermaid);
        Arrow sent = model(events).arrows().stream().filter(a -> a.kind() == Arrow.Kind.ACK
                && ((TraceEvent.AckSent) a.event()).messageId() == ack.messageId()).findFirst().orElseThrow();
        assertEquals(Mark.Kind.LOST, sent.mark());
    }
}
