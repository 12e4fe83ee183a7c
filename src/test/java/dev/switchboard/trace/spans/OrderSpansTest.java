package dev.switchboard.trace.spans;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spans of each order, on scripted runs whose latencies the report also gives. */
class OrderSpansTest {
    private static final double EPS = 1e-6;

    @Test
    void theTopLevelSpansOfADeliveredOrderTileItsLifeAndAddUpToTheReportedLatencies() {
        Metrics metrics = new Metrics();
        List<TraceEvent> events = ScriptedRuns.play(ScriptedRuns.hybrid(12, "queue", 0), metrics);
        List<OrderTimeline> orders = OrderSpans.of(events, Long.MAX_VALUE);
        Report report = metrics.report();
        assertEquals(12, orders.size());
        double acceptSum = 0;
        double deliverySum = 0;
        for (OrderTimeline order : orders) {
            assertEquals(Outcome.DELIVERED, order.outcome());
            List<Span> hops = order.children(0);
            double at = order.placedAtMs();
            double beforeAnswer = 0;
            double total = 0;
            for (Span hop : hops) {
                assertEquals(at, hop.startMs(), EPS, "order #" + order.orderId() + ": " + hop.name() + " starts where the last hop ended");
                at = hop.endMs();
                total += hop.durationMs();
                if (hop.endMs() <= order.answeredAtMs() + EPS) {
                    beforeAnswer += hop.durationMs();
                }
            }
            assertEquals(order.deliveryLatencyMs(), total, EPS, "order #" + order.orderId());
            assertEquals(order.acceptLatencyMs(), beforeAnswer, EPS, "order #" + order.orderId());
            acceptSum += beforeAnswer;
            deliverySum += total;
        }
        assertEquals(report.acceptLatencyMs().mean(), acceptSum / orders.size(), 1e-3);
        assertEquals(report.deliveryLatencyMs().mean(), deliverySum / orders.size(), 1e-3);
    }

    @Test
    void theStockCheckIsTheOrderWorkersBlockedSpanWithItsNetworkAndInventoryParts() {
        List<OrderTimeline> orders = OrderSpans.of(ScriptedRuns.play(ScriptedRuns.hybrid(1, "queue", 0), null), 1);
        OrderTimeline order = orders.get(0);
        Span blocked = order.spans().stream().filter(s -> s.kind() == SpanKind.BLOCKED).findFirst().orElseThrow();
        assertEquals(ServiceId.ORDER, blocked.service());
        assertEquals(LinkId.ORDER_INVENTORY, blocked.link());
        // request 20 + Inventory work 10 + reply 20
        assertEquals(50, blocked.durationMs(), EPS);
        List<Span> parts = order.children(blocked.index());
        assertEquals(List.of(SpanKind.TRAVEL, SpanKind.WAIT, SpanKind.HANDLING, SpanKind.TRAVEL),
                parts.stream().map(Span::kind).toList());
        assertEquals(List.of(20.0, 0.0, 10.0, 20.0), parts.stream().map(Span::durationMs).toList());
        Span payment = order.spans().stream().filter(s -> s.task() == Task.TAKE_PAYMENT).findFirst().orElseThrow();
        assertEquals(5, payment.durationMs(), EPS);
    }

    @Test
    void ordersQueuedForTheOnlyAgentGetAnAgentWaitSpanAsLongAsTheReportSays() {
        Metrics metrics = new Metrics();
        List<OrderTimeline> orders = OrderSpans.of(ScriptedRuns.play(ScriptedRuns.hybrid(12, "queue", 0), metrics),
                Long.MAX_VALUE);
        Report.Latency agentWait = metrics.report().services().get(ServiceId.DELIVERY).agentWaitMs();
        double sum = 0;
        double max = 0;
        for (OrderTimeline order : orders) {
            double wait = order.spans().stream().filter(s -> s.kind() == SpanKind.AGENT_WAIT)
                    .mapToDouble(Span::durationMs).sum();
            sum += wait;
            max = Math.max(max, wait);
        }
        assertTrue(max > 1000, "with one agent on 500 ms trips and an order every ~150 ms, orders wait");
        assertEquals(agentWait.mean(), sum / orders.size(), 1e-3);
    }

    @Test
    void inSyncWiringTheKitchenRunsInsideTheOrderWorkersBlockedCall() {
        List<OrderTimeline> orders = OrderSpans.of(ScriptedRuns.play(ScriptedRuns.hybrid(1, "sync", 0), null), 1);
        OrderTimeline order = orders.get(0);
        Span kitchenCall = order.spans().stream()
                .filter(s -> s.kind() == SpanKind.BLOCKED && s.link() == LinkId.ORDER_KITCHEN).findFirst().orElseThrow();
        Span cooking = order.spans().stream().filter(s -> s.task() == Task.COOK).findFirst().orElseThrow();
        assertTrue(cooking.startMs() >= kitchenCall.startMs() && cooking.endMs() <= kitchenCall.endMs());
        assertEquals(order.answeredAtMs(), kitchenCall.endMs(), EPS, "the customer hears 'accepted' when the Kitchen replies");
    }

    @Test
    void aLostRequestEndsTheBlockedSpanAsATimeoutAndIsMarked() {
        List<OrderTimeline> orders = OrderSpans.of(ScriptedRuns.play(ScriptedRuns.hybrid(1, "queue", 1.0), null), 1);
        OrderTimeline order = orders.get(0);
        Span blocked = order.spans().stream().filter(s -> s.kind() == SpanKind.BLOCKED).findFirst().orElseThrow();
        assertEquals("timeout", blocked.outcome());
        assertEquals(300, blocked.durationMs(), EPS);
        Span request = order.children(blocked.index()).get(0);
        assertEquals("lost", request.outcome());
        assertTrue(order.marks().stream().anyMatch(m -> m.name().equals("timeout")));
        assertTrue(order.marks().stream().anyMatch(m -> m.name().equals("lost")));
        assertFalse(order.root().ok());
    }

    @Test
    void ordersAboveTheLimitAreNotFollowed() {
        List<OrderTimeline> orders = OrderSpans.of(ScriptedRuns.play(ScriptedRuns.hybrid(10, "queue", 0), null), 3);
        assertEquals(List.of(1L, 2L, 3L), orders.stream().map(OrderTimeline::orderId).toList());
    }

    @Test
    void aRetryBackOffIsASpanOfTheBlockedCallAndALateReplyDuringItIsMarkedOnIt() throws Exception {
        List<TraceEvent> events = ScriptedRuns.play(dev.switchboard.flow.FlowLoader.loadSample("retry-storm.json"), null);
        List<OrderTimeline> orders = OrderSpans.of(events, Long.MAX_VALUE);
        long retries = events.stream().filter(e -> e instanceof TraceEvent.RetryScheduled).count();
        long backOffs = 0;
        for (OrderTimeline order : orders) {
            for (Span span : order.spans()) {
                if (span.kind() == SpanKind.RETRY_BACKOFF) {
                    backOffs++;
                    assertEquals(SpanKind.BLOCKED, order.spans().get(span.parent()).kind(), order.orderId() + ": " + span);
                }
            }
            for (SpanMark mark : order.marks()) {
                Span on = order.spans().get(mark.span());
                if (mark.name().equals("late reply") && on.kind() == SpanKind.RETRY_BACKOFF) {
                    assertTrue(on.startMs() <= mark.timeMs() && mark.timeMs() <= on.endMs());
                }
            }
        }
        assertTrue(retries > 100, "retries " + retries);
        assertTrue(backOffs > 0 && backOffs <= retries, backOffs + " back-offs of " + retries + " retries");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("dev.switchboard.flow.SampleFlows#fileNames")
    void theWaterfallsOrdersAreTheSpansTheOtlpExportWrites(String sample) throws Exception {
        List<TraceEvent> events = ScriptedRuns.play(dev.switchboard.flow.FlowLoader.loadSample(sample), null);
        List<OrderTimeline> exported = OrderSpans.of(events, Long.MAX_VALUE);
        RecentOrders waterfall = new RecentOrders();
        events.forEach(waterfall::onEvent);
        for (OrderTimeline order : exported) {
            if (order.outcome() != null && order.orderId() <= RecentOrders.MAX_ORDERS) {
                assertEquals(order, waterfall.order(order.orderId()).orElseThrow(), sample + " order " + order.orderId());
            }
        }
    }
}
