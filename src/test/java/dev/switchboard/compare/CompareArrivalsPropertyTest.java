package dev.switchboard.compare;

import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.FlowOverride;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A property test: whatever differs between the sides (a few flow fields chosen at random, on any
 * seed, with orders placed and automatic arrivals switched on by commands mid-run), both sides get
 * the same customers: the same order ids placed at the same virtual times, and, where both sides have
 * the same stock-out rate, the same answer from Inventory for every order it answered on both sides
 * (whether an order's item is in stock is the order's, not the run's).
 */
class CompareArrivalsPropertyTest {
    private static final int CONFIGURATIONS = 150;
    private static final List<String> SAMPLES = List.of("hybrid-order.json", "all-sync.json", "retry-storm.json",
            "instance-failover.json", "lossy-network.json", "duplicate-delivery.json");

    /** Random values of one flow field, as an override. */
    private static final List<Function<SplittableRandom, String>> FIELDS = List.of(
            r -> "links.order->kitchen.style=" + (r.nextBoolean() ? "sync" : "queue"),
            r -> "links.kitchen->delivery.style=" + (r.nextBoolean() ? "sync" : "event"),
            r -> "services." + service(r) + ".workers=" + r.nextInt(1, 9),
            r -> "services." + service(r) + ".workMs={\"exponential\": " + r.nextInt(1, 1500) + "}",
            r -> "services." + service(r) + ".errorRate=" + decimal(r, 0.3),
            r -> "services.inventory.stockOutRate=" + decimal(r, 0.5),
            r -> "services.kitchen.slowdown=" + (1 + r.nextInt(5)),
            r -> "services.delivery.agents=" + r.nextInt(1, 10),
            r -> "links." + link(r) + ".lossRate=" + decimal(r, 0.2),
            r -> "links." + link(r) + ".latencyMs={\"uniform\": [1, " + r.nextInt(2, 300) + "]}",
            r -> "links.order->inventory.timeoutMs=" + r.nextInt(50, 2000),
            r -> "links.order->inventory.retry={\"maxAttempts\": " + r.nextInt(1, 5) + ", \"baseDelayMs\": 20}",
            r -> "links.order->inventory.circuitBreaker=" + (r.nextBoolean() ? "null" : "{\"openMs\": 700}"),
            r -> "services.inventory.instances=" + r.nextInt(2, 4),
            r -> "services.kitchen.instances=" + r.nextInt(1, 3),
            r -> "discovery.cacheTtlMs=" + r.nextInt(0, 4000));

    private static String service(SplittableRandom r) {
        return List.of("order", "inventory", "kitchen", "delivery").get(r.nextInt(4));
    }

    private static String link(SplittableRandom r) {
        return List.of("order->inventory", "order->kitchen", "kitchen->delivery").get(r.nextInt(3));
    }

    private static String decimal(SplittableRandom r, double max) {
        return String.format(Locale.ROOT, "%.3f", r.nextDouble() * max);
    }

    /** The stock-out rate a side's overrides set, or "" when they leave the flow's. */
    private static String stockOutRate(List<FlowOverride> overrides) {
        String rate = "";
        for (FlowOverride o : overrides) {
            if (o.toString().contains("stockOutRate")) {
                rate = o.toString();
            }
        }
        return rate;
    }

    private static List<FlowOverride> randomOverrides(SplittableRandom r) {
        List<FlowOverride> overrides = new ArrayList<>();
        int count = r.nextInt(1, 4);
        for (int i = 0; i < count; i++) {
            overrides.add(FlowOverride.parse(FIELDS.get(r.nextInt(FIELDS.size())).apply(r)));
        }
        return overrides;
    }

    @Test
    void bothSidesGetTheSameOrderIdsAtTheSameTimesWhateverDiffers() throws FlowException {
        int compared = 0;
        int stockChecksCompared = 0;
        for (int i = 0; i < CONFIGURATIONS; i++) {
            SplittableRandom random = new SplittableRandom(7000 + i);
            String file = SAMPLES.get(random.nextInt(SAMPLES.size()));
            long seed = random.nextLong();
            Preset differences = new Preset("random", "random differences", "left", randomOverrides(random), "right",
                    randomOverrides(random));
            Comparison comparison;
            try {
                comparison = Comparison.load(o -> FlowLoader.loadSample(file, o).withSeed(seed), differences, List.of(),
                        List.of(), 30 + random.nextInt(40));
            } catch (FlowException e) {
                continue; // a combination the flow refuses (an instance fault on fewer instances): not a comparison
            }
            Map<Side, List<String>> placed = new EnumMap<>(Side.class);
            Map<Side, Map<Long, ReplyKind>> stockAnswers = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                List<String> orders = new ArrayList<>();
                Map<Long, ReplyKind> answers = new HashMap<>();
                placed.put(side, orders);
                stockAnswers.put(side, answers);
                comparison.addListener(side, e -> {
                    if (e instanceof TraceEvent.OrderPlaced p) {
                        orders.add(p.orderId() + "@" + Double.doubleToLongBits(p.timeMs()));
                    } else if (e instanceof TraceEvent.ReplySent r && r.link() == LinkId.ORDER_INVENTORY
                            && (r.kind() == ReplyKind.OK || r.kind() == ReplyKind.OUT_OF_STOCK)) {
                        answers.put(r.orderId(), r.kind());
                    }
                });
            }
            comparison.start();
            double commandAtMs = random.nextDouble() * 5_000;
            comparison.runUntil(commandAtMs);
            comparison.apply(new Command.PlaceOrders(1 + random.nextInt(3)));
            comparison.runUntil(commandAtMs + random.nextDouble() * 3_000);
            comparison.apply(new Command.SetArrivalRate(1 + random.nextInt(5)));
            comparison.runUntil(comparison.nowMs() + 4_000);
            comparison.apply(new Command.SetArrivalRate(0));
            comparison.runToEnd();

            String where = "configuration " + i + ": " + file + " seed " + seed + " left " + differences.left() + " right "
                    + differences.right();
            assertTrue(placed.get(Side.LEFT).size() > 30, where);
            assertEquals(placed.get(Side.LEFT), placed.get(Side.RIGHT), where);
            if (stockOutRate(differences.left()).equals(stockOutRate(differences.right()))) {
                Map<Long, ReplyKind> left = stockAnswers.get(Side.LEFT);
                Map<Long, ReplyKind> right = stockAnswers.get(Side.RIGHT);
                for (Map.Entry<Long, ReplyKind> answer : left.entrySet()) {
                    ReplyKind other = right.get(answer.getKey());
                    if (other != null) {
                        assertEquals(answer.getValue(), other, where + ": Inventory's answer for order " + answer.getKey());
                        stockChecksCompared++;
                    }
                }
            }
            compared++;
        }
        assertTrue(compared > CONFIGURATIONS * 3 / 4, "only " + compared + " configurations could be compared");
        assertTrue(stockChecksCompared > 1_000, "only " + stockChecksCompared + " stock answers compared");
    }
}
