package dev.switchboard.trace.spans;

import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.Outcome;
import dev.switchboard.spans.ScriptedRun;
import dev.switchboard.system.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The critical paths of an order's hops: what the waterfall outlines, read from the same spans as the OTLP export. */
class CriticalPathTest {

    private static double sum(List<Span> path) {
        return path.stream().mapToDouble(Span::durationMs).sum();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hybrid-order.json", "all-sync.json", "kitchen-backlog.json"})
    void everyDeliveredOrdersSpansAddUpToItsLatenciesWithNoUnexplainedTime(String sample) throws Exception {
        RecentOrders spans = new RecentOrders();
        Simulation sim = new Simulation(FlowLoader.loadSample(sample));
        sim.addListener(spans);
        sim.start();
        sim.runToEnd();

        int delivered = 0;
        for (OrderTimeline order : spans.orders()) {
            if (order.outcome() != Outcome.DELIVERED) {
                continue;
            }
            delivered++;
            List<Span> accept = order.acceptancePath();
            List<Span> delivery = order.deliveryPath();
            assertEquals(order.acceptLatencyMs(), sum(accept), 1e-6, "order " + order.orderId() + " acceptance");
            assertEquals(order.deliveryLatencyMs(), sum(delivery), 1e-6, "order " + order.orderId() + " delivery");
            assertTrue(delivery.stream().noneMatch(s -> s.kind() == SpanKind.GAP),
                    "order " + order.orderId() + " has time no span explains: " + delivery);
            assertEquals(SpanKind.TRIP, delivery.get(delivery.size() - 1).kind());
        }
        assertTrue(delivered > 10, "delivered " + delivered);
    }

    @Test
    void theSecondOrderOfTheScriptedRunWaitsForInventoryAndTheCookOnItsCriticalPath() throws Exception {
        RecentOrders spans = new RecentOrders();
        ScriptedRun.run(ScriptedRun.flow(0), spans);
        OrderTimeline order = spans.order(2).orElseThrow();

        assertEquals(85.0, order.acceptLatencyMs());
        assertEquals(List.of("order->inventory request 0.0..10.0", "Inventory: waiting for a worker 10.0..40.0",
                        "Inventory: stock check 40.0..70.0", "order->inventory reply 70.0..80.0",
                        "Order: payment 80.0..85.0"),
                order.acceptancePath().stream().map(s -> s.label() + " " + s.startMs() + ".." + s.endMs())
                        .collect(Collectors.toList()));
        List<String> delivery = order.deliveryPath().stream().map(Span::label).collect(Collectors.toList());
        assertEquals(List.of("order->inventory request", "Inventory: waiting for a worker", "Inventory: stock check",
                "order->inventory reply", "Order: payment", "order->kitchen message to the broker",
                "Kitchen queue: waiting for a cook", "Kitchen: cooking", "MealReady event", "Delivery: dispatch",
                "Delivery: waiting for an agent", "Delivery: the trip"), delivery);
        assertTrue(order.hops().stream().anyMatch(s -> s.kind() == SpanKind.BLOCKED && s.startMs() == 0
                && s.endMs() == 80.0), "the Order worker's blocked span is kept beside the hops");
    }

    @Test
    void aLostRequestLeavesTheWaitForTheTimeoutOnTheCriticalPath() throws Exception {
        RecentOrders spans = new RecentOrders();
        ScriptedRun.run(ScriptedRun.flow(1), spans);
        OrderTimeline order = spans.order(1).orElseThrow();

        List<Span> path = order.acceptancePath();
        assertEquals(order.acceptLatencyMs(), sum(path), 1e-9);
        assertEquals(List.of(SpanKind.TRAVEL, SpanKind.GAP), path.stream().map(Span::kind).limit(2)
                .collect(Collectors.toList()));
        assertTrue(path.get(0).lost());
        assertEquals(200.0, path.get(1).endMs());
    }
}
