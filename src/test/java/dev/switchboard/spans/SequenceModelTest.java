package dev.switchboard.spans;

import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceModelTest {

    private static String arrow(Arrow a) {
        return a.orderId() + " " + a.kind() + " " + a.from() + "->" + a.to() + " " + a.startMs() + ".." + a.endMs()
                + (a.mark() == Mark.Kind.NONE ? "" : " " + a.mark());
    }

    private static String bar(Bar b) {
        return b.orderId() + " " + b.kind() + " " + b.lane() + " " + b.startMs() + ".." + b.endMs();
    }

    @Test
    void aScriptedRunHasExactlyTheArrowsAndBarsItsTraceImplies() throws Exception {
        SequenceModel model = new SequenceModel();
        ScriptedRun.run(ScriptedRun.flow(0), model);

        List<String> order2 = model.arrows().stream().filter(a -> a.orderId() == 2).map(SequenceModelTest::arrow)
                .collect(Collectors.toList());
        // order 2 waits 30 ms for Inventory's one worker (busy with order 1 until 40) and 70 ms for the cook (busy with order 1 from 60 to 160)
        assertEquals(List.of(
                "2 ORDER_PLACED CUSTOMERS->ORDER 0.0..0.0",
                "2 REQUEST ORDER->INVENTORY 0.0..10.0",
                "2 REPLY INVENTORY->ORDER 70.0..80.0",
                "2 TO_QUEUE ORDER->QUEUE 85.0..90.0",
                "2 ANSWER ORDER->CUSTOMERS 85.0..85.0",
                "2 FROM_QUEUE QUEUE->KITCHEN 160.0..160.0",
                "2 PUBLISH KITCHEN->TOPIC 260.0..260.0",
                "2 FAN_OUT TOPIC->DELIVERY 260.0..265.0",
                "2 DELIVERED DELIVERY->CUSTOMERS 2185.0..2185.0"), order2);
        assertEquals(27, model.arrows().size(), "9 arrows for each of the 3 orders");

        List<String> bars = model.bars().stream().filter(b -> b.kind() == Bar.Kind.BLOCKED || b.kind() == Bar.Kind.QUEUED)
                .map(SequenceModelTest::bar).sorted().collect(Collectors.toList());
        assertEquals(List.of(
                "1 BLOCKED ORDER 0.0..50.0",
                "1 QUEUED QUEUE 60.0..60.0",
                "2 BLOCKED ORDER 0.0..80.0",
                "2 QUEUED QUEUE 90.0..160.0",
                "3 BLOCKED ORDER 50.0..110.0",
                "3 QUEUED QUEUE 120.0..260.0"), bars);
        assertEquals(List.of(), model.marks());
        assertEquals(List.of("2 WORK INVENTORY 40.0..70.0", "2 WORK ORDER 80.0..85.0", "2 WORK KITCHEN 160.0..260.0",
                        "2 WORK DELIVERY 265.0..285.0"),
                model.bars().stream().filter(b -> b.orderId() == 2 && b.kind() == Bar.Kind.WORK)
                        .map(SequenceModelTest::bar).collect(Collectors.toList()));
        // one agent: order 2 waits for it while it takes order 1 (trip 185..1185)
        assertEquals(List.of("2 AGENT_WAIT DELIVERY 285.0..1185.0", "2 TRIP DELIVERY 1185.0..2185.0"),
                model.bars().stream().filter(b -> b.orderId() == 2 && (b.kind() == Bar.Kind.AGENT_WAIT
                        || b.kind() == Bar.Kind.TRIP)).map(SequenceModelTest::bar).collect(Collectors.toList()));
    }

    @Test
    void theBlockedBarsAreTheTracesBlockedSpansOneForOne() throws Exception {
        SequenceModel model = new SequenceModel();
        List<String> fromTrace = new ArrayList<>();
        java.util.Map<Integer, Double> since = new java.util.HashMap<>();
        ScriptedRun.run(ScriptedRun.flow(0), model, e -> {
            if (e instanceof TraceEvent.WorkerBlocked b) {
                since.put(b.worker(), b.timeMs());
            } else if (e instanceof TraceEvent.WorkerUnblocked u) {
                fromTrace.add(u.orderId() + " BLOCKED ORDER " + since.remove(u.worker()) + ".." + u.timeMs());
            }
        });
        List<String> drawn = model.bars().stream().filter(b -> b.kind() == Bar.Kind.BLOCKED)
                .map(SequenceModelTest::bar).sorted().collect(Collectors.toList());
        fromTrace.sort(null);
        assertEquals(fromTrace, drawn);
    }

    @Test
    void aLostRequestIsMarkedAndItsTimeoutEndsTheBlockedBar() throws Exception {
        SequenceModel model = new SequenceModel();
        ScriptedRun.run(ScriptedRun.flow(1), model);

        Arrow request = model.arrows().stream().filter(a -> a.orderId() == 1 && a.kind() == Arrow.Kind.REQUEST)
                .findFirst().orElseThrow();
        assertEquals(Mark.Kind.LOST, request.mark());
        assertTrue(model.marks().stream().anyMatch(m -> m.orderId() == 1 && m.kind() == Mark.Kind.TIMEOUT
                && m.lane() == Lane.ORDER && m.timeMs() == 200.0));
        Bar blocked = model.bars().stream().filter(b -> b.orderId() == 1).findFirst().orElseThrow();
        assertEquals(0.0, blocked.startMs());
        assertEquals(200.0, blocked.endMs());
    }

    @Test
    void aTimeWindowFindsTheArrowsThatCrossItAndTheFilterKeepsOneOrder() throws Exception {
        SequenceModel model = new SequenceModel();
        ScriptedRun.run(ScriptedRun.flow(0), model);

        List<String> window = model.arrowsBetween(5, 12, 0).stream().map(SequenceModelTest::arrow)
                .collect(Collectors.toList());
        assertEquals(List.of("1 REQUEST ORDER->INVENTORY 0.0..10.0", "2 REQUEST ORDER->INVENTORY 0.0..10.0"), window);
        assertEquals(List.of("2 FROM_QUEUE QUEUE->KITCHEN 160.0..160.0"),
                model.arrowsBetween(155, 165, 2).stream().map(SequenceModelTest::arrow).collect(Collectors.toList()));
        assertEquals(2, model.barsBetween(0, 1, 1, 0).size(), "the blocked bars of orders 1 and 2; order 3 blocks only at 50 ms");
    }
}
