package dev.switchboard.system;

import dev.switchboard.flow.Balancing;
import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.flow.BulkheadPolicy;
import dev.switchboard.flow.DeliveryPolicy;
import dev.switchboard.flow.FaultSpec;
import dev.switchboard.flow.OverflowPolicy;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.Command;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A property test over many random configurations with every fault kind and random commands in
 * the middle of the run: every placed order ends in exactly one bucket, and an order is lost only
 * where the trace shows an injected loss or a crash that took it.
 */
class ConservationPropertyTest {
    private static final int CONFIGURATIONS = 600;

    @Test
    void everyPlacedOrderEndsInExactlyOneBucketWhateverTheConfiguration() {
        for (int i = 0; i < CONFIGURATIONS; i++) {
            SplittableRandom random = new SplittableRandom(1000 + i);
            Flow flow = randomFlow(random, i);
            Simulation simulation = new Simulation(flow);
            TraceTally tally = new TraceTally(ServiceId.KITCHEN);
            simulation.addListener(tally);
            simulation.start();
            applyRandomCommands(simulation, random);
            simulation.runToEnd();

            String where = "configuration " + i + " (seed " + flow.seed() + ")";
            assertTrue(tally.finishedTwice.isEmpty(), where + ": finished twice " + tally.finishedTwice);
            assertEquals(tally.placed, tally.outcomes.keySet(), where + ": placed orders without a bucket");
            int total = tally.buckets.values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(tally.placed.size(), total, where + ": buckets do not add up to placed");
            assertEquals(simulation.placedOrders(), simulation.finishedOrders(), where);
            tally.outcomes.forEach((order, outcome) -> {
                if (outcome == Outcome.LOST) {
                    assertTrue(tally.hadLossOrCrash.contains(order), where + ": order " + order + " lost with no loss or crash");
                }
                if (outcome == Outcome.DEAD_LETTERED) {
                    assertTrue(tally.deadLettered.contains(order), where + ": order " + order + " dead-lettered with no DLQ event");
                }
            });
        }
    }

    static Flow randomFlow(SplittableRandom random, int index) {
        Map<ServiceId, ServiceSpec> services = new EnumMap<>(ServiceId.class);
        for (ServiceId id : ServiceId.values()) {
            services.put(id, new ServiceSpec(1 + random.nextInt(4), randomDistribution(random, 200),
                    random.nextDouble() < 0.5 ? 0 : random.nextDouble() * 0.3, 1 + random.nextDouble(),
                    random.nextDouble() * 0.2, random.nextBoolean() ? ServiceSpec.UNLIMITED : 1 + random.nextInt(4),
                    randomDistribution(random, 1000), random.nextDouble() < 0.7 ? 0 : random.nextDouble() * 0.2,
                    random.nextBoolean(), 1 + random.nextInt(3)));
        }
        Map<LinkId, LinkSpec> links = new EnumMap<>(LinkId.class);
        for (LinkId id : LinkId.values()) {
            List<LinkStyle> styles = new ArrayList<>(id.allowedStyles());
            LinkStyle style = styles.get(random.nextInt(styles.size()));
            links.put(id, new LinkSpec(style, randomDistribution(random, 50),
                    random.nextDouble() < 0.5 ? 0 : random.nextDouble() * 0.2, 50 + random.nextInt(3000),
                    random.nextBoolean() ? LinkSpec.UNLIMITED : 1 + random.nextInt(20),
                    randomRetry(random), random.nextBoolean() ? null : randomBreaker(random),
                    random.nextBoolean() ? null : randomBulkhead(random),
                    StockFallback.values()[random.nextInt(3)], randomDelivery(random)));
        }
        List<FaultSpec> faults = new ArrayList<>();
        int faultCount = random.nextInt(5);
        for (int f = 0; f < faultCount; f++) {
            FaultKind kind = FaultKind.values()[random.nextInt(FaultKind.values().length)];
            double atMs = random.nextDouble() * 8000;
            double forMs = 1 + random.nextDouble() * 4000;
            if (kind.onService()) {
                ServiceId service = ServiceId.values()[random.nextInt(4)];
                double value = kind == FaultKind.SLOW ? 1 + random.nextDouble() * 5 : random.nextDouble();
                int instance = kind == FaultKind.DOWN && random.nextBoolean() ? random.nextInt(3) : FaultSpec.ALL_INSTANCES;
                faults.add(new FaultSpec(service, null, kind, atMs, forMs, value, instance));
            } else {
                faults.add(new FaultSpec(null, LinkId.values()[random.nextInt(3)], kind, atMs, forMs, random.nextDouble()));
            }
        }
        DiscoverySpec discovery = random.nextBoolean() ? null : new DiscoverySpec(50 + random.nextDouble() * 1000,
                1 + random.nextInt(4), random.nextDouble() * 3000, Balancing.values()[random.nextInt(2)]);
        return new Flow("random " + index, "", random.nextLong(),
                new OrdersSpec(5 + random.nextInt(80), randomDistribution(random, 300)), services, links, faults, discovery);
    }

    static RetryPolicy randomRetry(SplittableRandom random) {
        return random.nextBoolean() ? RetryPolicy.NONE
                : new RetryPolicy(1 + random.nextInt(4), random.nextDouble() * 200, 1 + random.nextDouble() * 2, random.nextDouble());
    }

    static BreakerPolicy randomBreaker(SplittableRandom random) {
        int window = 1 + random.nextInt(20);
        return new BreakerPolicy(0.1 + random.nextDouble() * 0.9, window, 1 + random.nextInt(window),
                10 + random.nextDouble() * 3000, 1 + random.nextInt(3));
    }

    static BulkheadPolicy randomBulkhead(SplittableRandom random) {
        return new BulkheadPolicy(1 + random.nextInt(3), random.nextBoolean(), random.nextDouble() * 500);
    }

    static DeliveryPolicy randomDelivery(SplittableRandom random) {
        return new DeliveryPolicy(random.nextBoolean(), 1 + random.nextInt(5), 50 + random.nextDouble() * 3000,
                OverflowPolicy.values()[random.nextInt(2)], random.nextBoolean() ? 0 : 100 + random.nextDouble() * 5000,
                random.nextBoolean());
    }

    private static Distribution randomDistribution(SplittableRandom random, double scaleMs) {
        return switch (random.nextInt(5)) {
            case 0 -> Distribution.ZERO;
            case 1 -> Distribution.fixed(random.nextDouble() * scaleMs);
            case 2 -> {
                double min = random.nextDouble() * scaleMs;
                yield new Distribution.Uniform(min, min + random.nextDouble() * scaleMs);
            }
            case 3 -> new Distribution.Exponential(random.nextDouble() * scaleMs);
            default -> new Distribution.Normal(random.nextDouble() * scaleMs, random.nextDouble() * scaleMs / 2);
        };
    }

    /** Random user actions at random times; services taken down by hand come back before the end. */
    static void applyRandomCommands(Simulation simulation, SplittableRandom random) {
        double t = 0;
        List<ServiceId> down = new ArrayList<>();
        List<ServiceId> downInstances = new ArrayList<>();
        int commands = random.nextInt(12);
        for (int c = 0; c < commands; c++) {
            t += random.nextDouble() * 1500;
            simulation.runUntil(t);
            ServiceId service = ServiceId.values()[random.nextInt(4)];
            LinkId link = LinkId.values()[random.nextInt(3)];
            switch (random.nextInt(17)) {
                case 0 -> simulation.apply(new Command.PlaceOrders(1 + random.nextInt(10)));
                case 1 -> {
                    simulation.apply(new Command.SetServiceDown(service, true));
                    down.add(service);
                }
                case 2 -> simulation.apply(new Command.SetWorkers(service, 1 + random.nextInt(5)));
                case 3 -> {
                    List<LinkStyle> styles = new ArrayList<>(link.allowedStyles());
                    simulation.apply(new Command.SetLinkStyle(link, styles.get(random.nextInt(styles.size()))));
                }
                case 4 -> simulation.apply(new Command.SetLinkLoss(link, random.nextDouble() * 0.3));
                case 5 -> simulation.apply(new Command.SetErrorRate(service, random.nextDouble() * 0.3));
                case 6 -> simulation.apply(new Command.SetAgents(1 + random.nextInt(3)));
                case 7 -> simulation.apply(new Command.SetLinkTimeout(link, 20 + random.nextInt(2000)));
                case 8 -> simulation.apply(new Command.SetRetry(link, randomRetry(random)));
                case 9 -> simulation.apply(new Command.SetBreaker(link, random.nextBoolean() ? null : randomBreaker(random)));
                case 10 -> simulation.apply(new Command.SetBulkhead(link, random.nextBoolean() ? null : randomBulkhead(random)));
                case 11 -> simulation.apply(new Command.SetDeliveryPolicy(LinkId.values()[1 + random.nextInt(2)], randomDelivery(random)));
                case 12 -> simulation.apply(new Command.SetIdempotent(service, random.nextBoolean()));
                case 13 -> simulation.apply(new Command.SetInstances(service, 1 + random.nextInt(4)));
                case 14 -> {
                    try {
                        simulation.apply(new Command.SetInstanceDown(service, random.nextInt(3), true));
                        downInstances.add(service);
                    } catch (IllegalArgumentException noSuchInstance) {
                        // fewer instances than that: refused before it reached the engine
                    }
                }
                case 15 -> simulation.apply(new Command.SetDiscovery(random.nextBoolean() ? null
                        : new DiscoverySpec(50 + random.nextDouble() * 500, 1 + random.nextInt(3), random.nextDouble() * 1000,
                        Balancing.values()[random.nextInt(2)])));
                default -> simulation.apply(new Command.SetSlowdown(service, 0.5 + random.nextDouble() * 3));
            }
        }
        t += random.nextDouble() * 2000;
        simulation.runUntil(t);
        for (ServiceId service : down) {
            simulation.apply(new Command.SetServiceDown(service, false));
        }
        for (ServiceId service : downInstances) {
            for (int instance = 0; instance < 5; instance++) {
                try {
                    simulation.apply(new Command.SetInstanceDown(service, instance, false));
                } catch (IllegalArgumentException noSuchInstance) {
                    // already shut down
                }
            }
        }
    }
}
