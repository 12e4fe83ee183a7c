package dev.switchboard.system;

import dev.switchboard.flow.Balancing;
import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.flow.FaultSpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instances, the registry, heartbeats, caller caches and balancing, and the failover window they make. */
class DiscoveryTest {

    /** An order every 20 ms for 10 s; Inventory runs 3 instances; instance 2 (index 1) crashes at 2 s. */
    private static Flow failover(DiscoverySpec discovery) {
        Map<ServiceId, ServiceSpec> services = new EnumMap<>(ServiceId.class);
        services.put(ServiceId.ORDER, ServiceSpec.defaults().withWorkers(20));
        services.put(ServiceId.INVENTORY, ServiceSpec.defaults().withWorkers(4).withWorkMs(Distribution.fixed(5)).withInstances(3));
        services.put(ServiceId.KITCHEN, ServiceSpec.defaults().withWorkers(20));
        services.put(ServiceId.DELIVERY, ServiceSpec.defaults().withWorkers(20));
        Map<LinkId, LinkSpec> links = new EnumMap<>(LinkId.class);
        links.put(LinkId.ORDER_INVENTORY, LinkSpec.defaults(LinkId.ORDER_INVENTORY).withLatencyMs(Distribution.fixed(5)).withTimeoutMs(500));
        return new Flow("failover", "", 3, new OrdersSpec(500, Distribution.fixed(20)), services, links,
                List.of(new FaultSpec(ServiceId.INVENTORY, null, FaultKind.DOWN, 2_000, 60_000, 0, 1)), discovery);
    }

    /** Calls routed to the crashed instance, and the time of the last one. */
    private static double[] staleCalls(Flow flow) {
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        List<TraceEvent.Routed> stale = run.all(TraceEvent.Routed.class).stream()
                .filter(r -> r.service() == ServiceId.INVENTORY && !r.instanceUp()).toList();
        double last = stale.isEmpty() ? Double.NaN : stale.get(stale.size() - 1).timeMs();
        return new double[] {stale.size(), last};
    }

    @Test
    void withoutARegistryCallersKeepSendingToACrashedInstance() {
        double[] stale = staleCalls(failover(null));
        // round robin over three instances: one call in three, for the 8 s after the crash
        assertEquals(400 / 3.0, stale[0], 2);
        assertTrue(stale[1] > 9_900, "until the end of the run: " + stale[1]);
    }

    @Test
    void aCrashedInstanceStopsGettingCallsOnceDeregisteredAndTheCacheExpires() {
        DiscoverySpec spec = new DiscoverySpec(1000, 3, 5000, Balancing.ROUND_ROBIN);
        RecordingRun run = new RecordingRun(failover(spec));
        run.simulation.runToEnd();
        TraceEvent.RegistryChanged removed = run.all(TraceEvent.RegistryChanged.class).stream()
                .filter(r -> !r.registered()).findFirst().orElseThrow();
        assertEquals(1, removed.instance());
        // the crash at 2000 comes before that time's heartbeat, so the last one was at 1000;
        // the registry's check at 5000 sees 4000 ms > 3 × 1000
        assertEquals(5_000, removed.timeMs(), 1e-9);
        List<TraceEvent.Routed> stale = run.all(TraceEvent.Routed.class).stream()
                .filter(r -> r.service() == ServiceId.INVENTORY && !r.instanceUp()).toList();
        double lastStale = stale.get(stale.size() - 1).timeMs();
        assertTrue(lastStale < removed.timeMs() + 5_000, "the cache lives at most 5 s more: " + lastStale);
        assertTrue(run.all(TraceEvent.Routed.class).stream()
                .filter(r -> r.service() == ServiceId.INVENTORY && r.timeMs() > lastStale).noneMatch(r -> r.instance() == 1));
    }

    @Test
    void theFailoverWindowShrinksWithTheHeartbeatIntervalAndTheCacheTtl() {
        double[] slow = staleCalls(failover(new DiscoverySpec(1000, 3, 5000, Balancing.ROUND_ROBIN)));
        double[] fast = staleCalls(failover(new DiscoverySpec(200, 2, 500, Balancing.ROUND_ROBIN)));
        double[] none = staleCalls(failover(null));
        assertTrue(fast[0] < slow[0] && slow[0] < none[0], "stale calls: fast " + fast[0] + ", slow " + slow[0] + ", none " + none[0]);
        assertTrue(fast[1] - 2_000 < 1_200, "fast registry: window " + (fast[1] - 2_000) + " ms");
        assertTrue(slow[1] - 2_000 > 2_500, "slow registry: window " + (slow[1] - 2_000) + " ms");
    }

    @Test
    void roundRobinSpreadsCallsEvenlyOverTheInstances() {
        Flow flow = failover(null);
        flow = new Flow(flow.name(), "", flow.seed(), flow.orders(), flow.services(), flow.links(), List.of());
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        Map<Integer, Long> perInstance = run.all(TraceEvent.Routed.class).stream()
                .filter(r -> r.service() == ServiceId.INVENTORY)
                .collect(Collectors.groupingBy(TraceEvent.Routed::instance, Collectors.counting()));
        assertEquals(Map.of(0, 167L, 1, 167L, 2, 166L), perInstance);
    }

    @Test
    void leastBusySendsWorkAwayFromASlowInstance() {
        Flow flow = failover(new DiscoverySpec(1000, 3, 5000, Balancing.LEAST_BUSY));
        flow = new Flow(flow.name(), "", flow.seed(), new OrdersSpec(300, Distribution.fixed(2)), flow.services(), flow.links(),
                List.of(), flow.discovery());
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        Map<Integer, Long> perInstance = run.all(TraceEvent.Routed.class).stream()
                .filter(r -> r.service() == ServiceId.INVENTORY)
                .collect(Collectors.groupingBy(TraceEvent.Routed::instance, Collectors.counting()));
        // with ties going to the lowest number, instance 1 gets most, but all share once it is busy
        assertEquals(3, perInstance.size());
        assertTrue(perInstance.get(0) >= perInstance.get(2), perInstance.toString());
    }

    @Test
    void aRestartedInstanceRegistersAgainWithItsNextHeartbeat() {
        Flow flow = failover(new DiscoverySpec(500, 2, 1000, Balancing.ROUND_ROBIN));
        flow = new Flow(flow.name(), "", flow.seed(), flow.orders(), flow.services(), flow.links(),
                List.of(new FaultSpec(ServiceId.INVENTORY, null, FaultKind.DOWN, 2_000, 3_000, 0, 1)), flow.discovery());
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        List<TraceEvent.RegistryChanged> changes = run.all(TraceEvent.RegistryChanged.class).stream()
                .filter(r -> r.instance() == 1 && r.timeMs() > 0).toList();
        assertEquals(List.of(false, true), changes.stream().map(TraceEvent.RegistryChanged::registered).toList());
        assertTrue(changes.get(1).timeMs() >= 5_000 && changes.get(1).timeMs() < 5_500);
        assertTrue(run.all(TraceEvent.OrderFinished.class).stream().allMatch(f -> f.outcome() != Outcome.LOST));
    }

    @Test
    void heartbeatsDoNotKeepAFinishedRunGoing() {
        RecordingRun run = new RecordingRun(failover(new DiscoverySpec(100, 3, 500, Balancing.ROUND_ROBIN)));
        run.simulation.runToEnd();
        assertFalse(run.simulation.hasPendingEvents());
        assertEquals(500, run.all(TraceEvent.OrderFinished.class).size());
        assertTrue(run.all(TraceEvent.Heartbeat.class).size() > 100);
    }

    @Test
    void moreReplicasStartAndFewerShutDownGracefully() {
        Flow flow = failover(null);
        flow = new Flow(flow.name(), "", flow.seed(), flow.orders(), flow.services(), flow.links(), List.of());
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runUntil(1_000);
        run.simulation.apply(new Command.SetInstances(ServiceId.INVENTORY, 5));
        List<TraceEvent.InstanceChanged> started = run.all(TraceEvent.InstanceChanged.class).stream()
                .filter(c -> c.timeMs() == 1_000).toList();
        assertEquals(List.of(3, 4), started.stream().map(TraceEvent.InstanceChanged::instance).toList());
        assertEquals(List.of(12, 13, 14, 15), started.get(0).workers(), "worker numbers stay unique across instances");
        run.simulation.runUntil(2_000);
        run.simulation.apply(new Command.SetInstances(ServiceId.INVENTORY, 1));
        run.simulation.runToEnd();
        assertEquals(4, run.all(TraceEvent.InstanceChanged.class).stream().filter(TraceEvent.InstanceChanged::removed).count());
        assertTrue(run.all(TraceEvent.Routed.class).stream()
                .filter(r -> r.service() == ServiceId.INVENTORY && r.timeMs() > 2_000).allMatch(r -> r.instance() == 0));
        assertEquals(500, run.all(TraceEvent.OrderFinished.class).stream().filter(f -> f.outcome() == Outcome.DELIVERED).count(),
                "a graceful shutdown loses nothing");
    }

    @Test
    void crashingOneInstanceLeavesTheOthersWorking() {
        Flow flow = failover(null);
        flow = new Flow(flow.name(), "", flow.seed(), flow.orders(), flow.services(), flow.links(), List.of());
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runUntil(1_000);
        run.simulation.apply(new Command.SetInstanceDown(ServiceId.INVENTORY, 0, true));
        TraceEvent.InstanceChanged down = run.all(TraceEvent.InstanceChanged.class).stream().filter(c -> !c.up()).findFirst().orElseThrow();
        assertEquals(0, down.instance());
        assertTrue(run.all(TraceEvent.ServiceChanged.class).stream().filter(c -> c.timeMs() == 1_000).allMatch(TraceEvent.ServiceChanged::up),
                "the service as a whole is still up");
        assertThrows(IllegalArgumentException.class, () -> run.simulation.apply(new Command.SetInstanceDown(ServiceId.KITCHEN, 2, true)));
    }
}
