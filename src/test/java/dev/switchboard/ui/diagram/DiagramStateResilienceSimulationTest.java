package dev.switchboard.ui.diagram;

import dev.switchboard.flow.SampleFlows;
import dev.switchboard.model.BreakerState;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.WorkerState;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagram state driven by the real engine on the issue-4 sample flows: at every step what it shows
 * of breakers, retries, dead letters, instances and the registry agrees with the events the engine emitted.
 */
class DiagramStateResilienceSimulationTest {

    private final DiagramState state = new DiagramState();
    private final List<String> mismatches = new ArrayList<>();

    private Simulation sample(String fileName) throws Exception {
        Simulation sim = new Simulation(SampleFlows.byFileName(fileName).orElseThrow().load());
        sim.addListener(state);
        return sim;
    }

    private void check(boolean ok, TraceEvent e, String what) {
        if (!ok && mismatches.size() < 5) {
            mismatches.add(what + " after " + e);
        }
    }

    @Test
    void theBreakerBadgeFollowsEveryBreakerChangedAndRefusalsAreCounted() throws Exception {
        Simulation sim = sample("circuit-breaker.json");
        Map<LinkId, BreakerState> breakers = new EnumMap<>(LinkId.class);
        long[] rejected = {0};
        List<BreakerState> seen = new ArrayList<>();
        sim.addListener(e -> {
            if (e instanceof TraceEvent.LinkChanged c && c.link() == LinkId.ORDER_INVENTORY) {
                // No badge before the link has a breaker; a new breaker starts closed.
                if (c.settings().breaker() == null) {
                    breakers.remove(c.link());
                } else {
                    breakers.putIfAbsent(c.link(), BreakerState.CLOSED);
                }
            } else if (e instanceof TraceEvent.BreakerChanged b) {
                breakers.put(b.link(), b.to());
                seen.add(b.to());
            } else if (e instanceof TraceEvent.CallRejected r && r.link() == LinkId.ORDER_INVENTORY) {
                rejected[0]++;
            }
            BreakerState expected = breakers.get(LinkId.ORDER_INVENTORY);
            check(state.guards(LinkId.ORDER_INVENTORY).breaker() == expected, e, "breaker " + expected);
            check(state.guards(LinkId.ORDER_INVENTORY).refused() == rejected[0], e, "refused " + rejected[0]);
        });
        sim.start();
        sim.runToEnd();

        assertEquals(List.of(), mismatches);
        assertTrue(seen.containsAll(List.of(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED)),
                "the sample opens, half-opens and closes its breaker: " + seen);
        assertTrue(rejected[0] > 0, "the open breaker refused calls");
    }

    @Test
    void retriesCountedOnTheLinkEqualTheRetriesScheduledAndShowOnTheirWorkers() throws Exception {
        Simulation sim = sample("retry-storm.json");
        long[] retries = {0};
        int[] retryingSeen = {0};
        sim.addListener(e -> {
            if (e instanceof TraceEvent.RetryScheduled r) {
                retries[0]++;
                WorkerSlot w = state.service(r.service()).workers().stream()
                        .filter(s -> s.index() == r.worker()).findFirst().orElseThrow();
                check(w.attempt() == r.attempt() && w.orderId() == r.orderId(), e, "attempt on worker " + w);
                retryingSeen[0] += w.retrying() ? 1 : 0;
            }
            check(state.guards(LinkId.ORDER_INVENTORY).retries() == retries[0], e, "retries " + retries[0]);
        });
        sim.start();
        sim.runToEnd();

        assertEquals(List.of(), mismatches);
        assertTrue(retries[0] > 10, "a storm: " + retries[0]);
        assertEquals(retries[0], retryingSeen[0]);
        for (ServiceId id : ServiceId.values()) {
            assertTrue(state.service(id).workers().stream().noneMatch(WorkerSlot::retrying), id + " holds no retry at the end");
        }
    }

    @Test
    void theDeadLetterQueueCountsExactlyTheMessagesDeadLettered() throws Exception {
        Simulation sim = sample("poison-message.json");
        Map<LinkId, List<Long>> dead = new EnumMap<>(LinkId.class);
        sim.addListener(e -> {
            if (e instanceof TraceEvent.MessageDeadLettered d) {
                dead.computeIfAbsent(d.link(), k -> new ArrayList<>()).add(d.orderId());
            }
            for (LinkId link : List.of(LinkId.ORDER_KITCHEN, LinkId.KITCHEN_DELIVERY)) {
                List<Long> mine = dead.getOrDefault(link, List.of());
                DeadLetters dlq = state.deadLetters(link);
                check(dlq.count() == mine.size(), e, link + " count " + mine.size());
                check(dlq.recent().equals(mine.subList(Math.max(0, mine.size() - DeadLetters.RECENT), mine.size())),
                        e, link + " recent");
            }
        });
        sim.start();
        sim.runToEnd();

        assertEquals(List.of(), mismatches);
        long total = state.deadLetters(LinkId.ORDER_KITCHEN).count() + state.deadLetters(LinkId.KITCHEN_DELIVERY).count();
        assertTrue(total > 0, "the sample dead-letters poison messages");
        assertEquals(state.customer().deadLettered(), total, "each dead-lettered message ends its order");
    }

    @Test
    void redeliveredMessagesAreMarkedAndDuplicatesShowOnTheirWorker() throws Exception {
        Simulation sim = sample("duplicate-delivery.json");
        int[] marked = {0};
        int[] redeliveries = {0};
        int[] duplicates = {0};
        sim.addListener(e -> {
            if (e instanceof TraceEvent.InboundArrived a && state.redeliveredWaiting(a.service()).contains(a.orderId())) {
                marked[0]++;
            } else if (e instanceof TraceEvent.MessageRedelivered) {
                redeliveries[0]++;
            } else if (e instanceof TraceEvent.DuplicateDelivery d) {
                duplicates[0]++;
                List<DuplicateMark> marks = state.duplicateMarks();
                check(!marks.isEmpty() && marks.get(marks.size() - 1).equals(
                        new DuplicateMark(d.service(), d.worker(), d.orderId(), d.skipped(), d.timeMs())), e, "duplicate mark");
            }
        });
        sim.start();
        sim.runToEnd();

        assertEquals(List.of(), mismatches);
        assertTrue(redeliveries[0] > 0 && duplicates[0] > 0, redeliveries[0] + " redeliveries, " + duplicates[0] + " duplicates");
        assertEquals(redeliveries[0], marked[0], "every redelivered message arrives marked");
    }

    @Test
    void instanceBandsFollowInstanceChangedAndTheRegistryFollowsRegistryChanged() throws Exception {
        Simulation sim = sample("instance-failover.json");
        Map<ServiceId, TreeMap<Integer, Boolean>> up = new EnumMap<>(ServiceId.class);
        Map<ServiceId, TreeMap<Integer, Boolean>> registered = new EnumMap<>(ServiceId.class);
        Map<String, Long> stale = new HashMap<>();
        sim.addListener(e -> {
            if (e instanceof TraceEvent.InstanceChanged i) {
                TreeMap<Integer, Boolean> mine = up.computeIfAbsent(i.service(), k -> new TreeMap<>());
                if (i.removed()) {
                    mine.remove(i.instance());
                } else {
                    mine.put(i.instance(), i.up());
                }
            } else if (e instanceof TraceEvent.RegistryChanged r) {
                registered.computeIfAbsent(r.service(), k -> new TreeMap<>()).put(r.instance(), r.registered());
            } else if (e instanceof TraceEvent.Routed r && !r.instanceUp()) {
                stale.merge(r.service() + "#" + r.instance(), 1L, Long::sum);
            }
            for (ServiceId id : ServiceId.values()) {
                TreeMap<Integer, Boolean> shown = new TreeMap<>();
                for (InstanceBand i : state.instances(id)) {
                    shown.put(i.instance(), i.up());
                    check(i.staleCalls() == stale.getOrDefault(id + "#" + i.instance(), 0L), e, "stale calls of " + i);
                    for (WorkerSlot w : state.service(id).workers()) {
                        if (i.workers().contains(w.index())) {
                            check(w.instance() == i.instance() && (i.up() || w.state() == WorkerState.DOWN), e, "worker " + w);
                        }
                    }
                }
                check(shown.equals(up.getOrDefault(id, new TreeMap<>())), e, id + " instances " + up.get(id));
                TreeMap<Integer, Boolean> listed = new TreeMap<>();
                for (RegistryEntry r : state.registry(id)) {
                    listed.put(r.instance(), r.registered());
                }
                check(listed.equals(registered.getOrDefault(id, new TreeMap<>())), e, id + " registry " + registered.get(id));
            }
        });
        sim.start();
        sim.runToEnd();

        assertEquals(List.of(), mismatches);
        assertTrue(state.discoveryOn());
        assertEquals(3, state.instances(ServiceId.INVENTORY).size());
        assertTrue(stale.getOrDefault(ServiceId.INVENTORY + "#1", 0L) > 0, "calls went to the crashed instance: " + stale);
        assertEquals(stale.get(ServiceId.INVENTORY + "#1"), state.instances(ServiceId.INVENTORY).get(1).staleCalls());
    }

    @Test
    void scalingBackToOneInstanceRemovesTheIdleOnesAtOnceAndTheLabelCountsTheSquaresDrawn() throws Exception {
        Simulation sim = sample("hybrid-order.json");
        sim.start();
        sim.runUntil(2000);
        for (ServiceId id : ServiceId.values()) {
            sim.apply(new dev.switchboard.trace.Command.SetInstances(id, 5));
        }
        sim.runUntil(3000);
        for (ServiceId id : ServiceId.values()) {
            ServiceStatus s = state.service(id);
            assertEquals(s.workers().size(), s.workerCount() + s.stoppingCount(), id + " with 5 replicas");
        }
        for (ServiceId id : ServiceId.values()) {
            sim.apply(new dev.switchboard.trace.Command.SetInstances(id, 1)); // what "Reset to flow values" sends
        }
        // no engine event has run since: a paused window shows exactly this
        for (ServiceId id : ServiceId.values()) {
            ServiceStatus s = state.service(id);
            List<InstanceBand> stopping = state.instances(id).stream().filter(InstanceBand::retiring).toList();
            for (InstanceBand band : stopping) {
                boolean busy = s.workers().stream().anyMatch(w -> band.workers().contains(w.index())
                        && w.state() != dev.switchboard.model.WorkerState.IDLE);
                assertTrue(busy, id + " instance #" + (band.instance() + 1) + " is idle yet still shown stopping");
            }
            assertEquals(s.workers().size(), s.workerCount() + s.stoppingCount(), id + " back to 1: label vs squares");
            assertEquals(sim.flow().service(id).workers(), s.workerCount(), id + " working workers");
        }
    }
}
