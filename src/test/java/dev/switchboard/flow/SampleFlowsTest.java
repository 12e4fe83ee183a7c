package dev.switchboard.flow;

import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleFlowsTest {

    /** The project's source folder of the samples; surefire runs in the project directory. */
    private static final Path SAMPLE_FOLDER = Path.of("sample-flows");

    @Test
    void theListNamesExactlyTheFilesInTheSampleFolder() throws IOException {
        Set<String> files;
        try (Stream<Path> paths = Files.list(SAMPLE_FOLDER)) {
            files = paths.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        List<String> listed = SampleFlows.all().stream().map(SampleFlow::fileName).toList();

        assertEquals(files, Set.copyOf(listed));
        assertEquals(listed.size(), Set.copyOf(listed).size(), "no sample listed twice");
    }

    @Test
    void theHybridFlowComesFirstAndIsTheDefault() {
        assertEquals("hybrid-order.json", SampleFlows.all().get(0).fileName());
        assertEquals("hybrid-order.json", SampleFlows.defaultSample().fileName());
        assertEquals(List.of("hybrid-order.json", "one-order.json", "all-sync.json", "kitchen-backlog.json", "courier-shortage.json",
                "inventory-outage.json", "lossy-network.json", "retry-storm.json", "circuit-breaker.json", "poison-message.json", "duplicate-delivery.json",
                "instance-failover.json"),
                SampleFlows.all().stream().map(SampleFlow::fileName).toList());
    }

    @Test
    void eachSampleLoadsFromTheClasspathWithTheNameAndDescriptionTheListShows() throws Exception {
        for (SampleFlow sample : SampleFlows.all()) {
            Flow fromClasspath = sample.load();
            Flow fromFolder = FlowLoader.load(SAMPLE_FOLDER.resolve(sample.fileName()));

            assertEquals(fromFolder, fromClasspath, sample.fileName() + " on the classpath is the file in the folder");
            assertEquals(fromClasspath.name(), sample.displayName());
            assertEquals(fromClasspath.description(), sample.description());
            assertFalse(sample.description().isBlank(), sample.fileName() + " says what it teaches");
            assertTrue(fromClasspath.orders().count() <= 300, sample.fileName() + " is short enough to watch");
            assertTrue(fromClasspath.orders().count() > 0 || sample.fileName().equals(SampleFlows.QUIET_FILE),
                    sample.fileName() + " places orders by itself (only the quiet sample waits for the user)");
        }
    }

    @Test
    void samplesAreFoundByFileName() {
        assertEquals("Kitchen backlog", SampleFlows.byFileName("kitchen-backlog.json").orElseThrow().displayName());
        assertTrue(SampleFlows.byFileName("missing.json").isEmpty());
    }

    @Test
    void allSyncIsTheHybridWorkloadWithSynchronousKitchenAndDeliveryLinks() throws FlowException {
        Flow hybrid = FlowLoader.loadSample("hybrid-order.json");
        Flow allSync = FlowLoader.loadSample("all-sync.json");

        assertEquals(hybrid.seed(), allSync.seed());
        assertEquals(hybrid.orders(), allSync.orders());
        assertEquals(hybrid.services(), allSync.services());
        assertEquals(hybrid.faults(), allSync.faults());
        assertEquals(hybrid.link(LinkId.ORDER_INVENTORY), allSync.link(LinkId.ORDER_INVENTORY));
        for (LinkId id : List.of(LinkId.ORDER_KITCHEN, LinkId.KITCHEN_DELIVERY)) {
            assertEquals(LinkStyle.SYNC, allSync.link(id).style(), id.key());
            assertEquals(hybrid.link(id).latencyMs(), allSync.link(id).latencyMs(), id.key());
            // Long enough that the lesson is blocking, not timeouts: far above a cook's 900 ms.
            assertTrue(allSync.link(id).timeoutMs() >= 10_000, id.key());
        }
    }

    @Test
    void inTheKitchenBacklogOrdersArriveFasterThanTheKitchenCooks() throws FlowException {
        Flow flow = FlowLoader.loadSample("kitchen-backlog.json");
        ServiceSpec kitchen = flow.service(ServiceId.KITCHEN);
        double arrivalsPerMs = 1 / flow.orders().interarrivalMs().meanMs();
        double kitchenCapacityPerMs = kitchen.workers() / kitchen.workMs().meanMs();

        assertTrue(arrivalsPerMs > 1.5 * kitchenCapacityPerMs, "arrivals " + arrivalsPerMs + " capacity " + kitchenCapacityPerMs);
        assertEquals(LinkStyle.QUEUE, flow.link(LinkId.ORDER_KITCHEN).style());
        assertTrue(flow.faults().isEmpty(), "the backlog comes from the load alone");
    }

    @Test
    void theInventoryOutageTakesInventoryDownAndThenMakesItFail() throws FlowException {
        Flow flow = FlowLoader.loadSample("inventory-outage.json");

        assertEquals(List.of(FaultKind.DOWN, FaultKind.ERRORS), flow.faults().stream().map(FaultSpec::kind).toList());
        assertTrue(flow.faults().stream().allMatch(f -> f.service() == ServiceId.INVENTORY));
        FaultSpec down = flow.faults().get(0);
        double lastArrivalMs = flow.orders().count() * flow.orders().interarrivalMs().meanMs();
        assertTrue(down.atMs() + down.forMs() < lastArrivalMs, "the outage ends while orders still arrive");
    }

    @Test
    void theLossyNetworkLosesOnEveryLinkAndTimesOutTheSyncCall() throws FlowException {
        Flow flow = FlowLoader.loadSample("lossy-network.json");

        for (LinkId id : LinkId.values()) {
            assertTrue(flow.link(id).lossRate() > 0, id.key());
        }
        assertEquals(LinkStyle.SYNC, flow.link(LinkId.ORDER_INVENTORY).style());
        assertTrue(flow.link(LinkId.ORDER_INVENTORY).timeoutMs() <= 1000, "lost stock checks time out soon");
        assertEquals(List.of(FaultKind.LOSS), flow.faults().stream().map(FaultSpec::kind).toList());
    }

    @Test
    void eachResilienceSampleSwitchesOnTheMechanismItTeachesAndNoOther() throws FlowException {
        LinkSpec stormCheck = FlowLoader.loadSample("retry-storm.json").link(LinkId.ORDER_INVENTORY);
        assertTrue(stormCheck.retry().enabled());
        assertNull(stormCheck.breaker(), "the storm is not cut short by a breaker");
        assertNull(stormCheck.bulkhead());

        LinkSpec breakerCheck = FlowLoader.loadSample("circuit-breaker.json").link(LinkId.ORDER_INVENTORY);
        assertTrue(breakerCheck.breaker() != null);
        assertFalse(breakerCheck.retry().enabled());
        assertEquals(StockFallback.FAIL, breakerCheck.fallback());

        Flow poison = FlowLoader.loadSample("poison-message.json");
        assertTrue(poison.link(LinkId.ORDER_KITCHEN).delivery().acks());
        assertEquals(3, poison.link(LinkId.ORDER_KITCHEN).delivery().maxDeliveries());
        assertTrue(poison.service(ServiceId.KITCHEN).poisonRate() > 0);
        // Redeliveries come from failed cooks only, never from an acknowledgement the broker gave up on.
        assertEquals(new Distribution.Uniform(300, 900), poison.service(ServiceId.KITCHEN).workMs());
        assertTrue(poison.link(LinkId.ORDER_KITCHEN).delivery().ackTimeoutMs() > 2 * 900);

        Flow duplicates = FlowLoader.loadSample("duplicate-delivery.json");
        DeliveryPolicy kitchenDelivery = duplicates.link(LinkId.ORDER_KITCHEN).delivery();
        assertTrue(kitchenDelivery.acks());
        assertFalse(duplicates.service(ServiceId.KITCHEN).idempotent(), "the duplicates show until idempotent is switched on");
        // Every cook ends before the broker gives up, so a duplicate always follows a finished meal.
        assertEquals(new Distribution.Uniform(300, 900), duplicates.service(ServiceId.KITCHEN).workMs());
        assertTrue(kitchenDelivery.ackTimeoutMs() > 900);
    }

    @Test
    void theInstanceFailoverCrashesOneOfThreeInventoryInstancesBehindARegistry() throws FlowException {
        Flow flow = FlowLoader.loadSample("instance-failover.json");
        DiscoverySpec discovery = flow.discovery();

        assertEquals(3, flow.service(ServiceId.INVENTORY).instances());
        assertEquals(Balancing.ROUND_ROBIN, discovery.balancing(), "round-robin is what lets retries mask the crash");
        assertEquals(List.of(new FaultSpec(ServiceId.INVENTORY, null, FaultKind.DOWN, 6_500, 9_000, 0, 1)), flow.faults(),
                "the file's instance 2");
        FaultSpec crash = flow.faults().get(0);
        double lastArrivalMs = flow.orders().count() * flow.orders().interarrivalMs().meanMs();
        double noticedByMs = crash.atMs() + (discovery.missedHeartbeats() + 1) * discovery.heartbeatIntervalMs()
                + discovery.cacheTtlMs();
        assertTrue(noticedByMs < crash.atMs() + crash.forMs(), "the registry and the cache notice before the instance is back");
        assertTrue(crash.atMs() + crash.forMs() < lastArrivalMs, "orders still arrive after it is back");
        assertFalse(flow.link(LinkId.ORDER_INVENTORY).retry().enabled(), "without retries every stale call fails an order");
        assertTrue(flow.services().entrySet().stream().filter(e -> e.getKey() != ServiceId.INVENTORY)
                .allMatch(e -> e.getValue().instances() == 1), "only Inventory is replicated");
    }
}
