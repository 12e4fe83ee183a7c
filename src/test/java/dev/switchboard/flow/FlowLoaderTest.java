package dev.switchboard.flow;

import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowLoaderTest {

    @Test
    void theHybridSampleIsExactlyTheExampleOfTheFormat() throws FlowException {
        Flow flow = FlowLoader.loadSample("hybrid-order.json");

        assertEquals("Hybrid order flow", flow.name());
        assertEquals("Sync stock check, queued kitchen, event-driven delivery.", flow.description());
        assertEquals(42, flow.seed());
        assertEquals(new OrdersSpec(50, new Distribution.Exponential(400)), flow.orders());
        assertEquals(ServiceSpec.defaults().withWorkers(4).withWorkMs(Distribution.fixed(5)), flow.service(ServiceId.ORDER));
        assertEquals(ServiceSpec.defaults().withWorkers(2).withWorkMs(new Distribution.Exponential(30)).withStockOutRate(0.05),
                flow.service(ServiceId.INVENTORY));
        assertEquals(ServiceSpec.defaults().withWorkers(2).withWorkMs(new Distribution.Uniform(300, 900)),
                flow.service(ServiceId.KITCHEN));
        assertEquals(new ServiceSpec(2, Distribution.fixed(20), 0, 1, 0, 7, new Distribution.Uniform(1000, 3000)),
                flow.service(ServiceId.DELIVERY));
        assertEquals(new LinkSpec(LinkStyle.SYNC, Distribution.fixed(20), 0, 1000, LinkSpec.UNLIMITED),
                flow.link(LinkId.ORDER_INVENTORY));
        assertEquals(new LinkSpec(LinkStyle.QUEUE, Distribution.fixed(5), 0, LinkSpec.DEFAULT_TIMEOUT_MS, 1000),
                flow.link(LinkId.ORDER_KITCHEN));
        assertEquals(new LinkSpec(LinkStyle.EVENT, Distribution.fixed(5), 0, LinkSpec.DEFAULT_TIMEOUT_MS, LinkSpec.UNLIMITED),
                flow.link(LinkId.KITCHEN_DELIVERY));
        assertEquals(List.of(new FaultSpec(ServiceId.KITCHEN, null, FaultKind.DOWN, 10_000, 5_000, 0)), flow.faults());
    }

    @Test
    void aFlowWithOnlyANameLoadsWithAllDefaults() throws FlowException {
        Flow flow = FlowLoader.parse("{\"name\": \"Bare\"}", "bare.json");

        assertEquals(new Flow("Bare", "", Flow.DEFAULT_SEED, OrdersSpec.defaults(), Map.of(), Map.of(), List.of()), flow);
        assertEquals("", flow.description());
        assertEquals(1, flow.seed());
        assertEquals(new OrdersSpec(10, new Distribution.Exponential(500)), flow.orders());
        for (ServiceId id : ServiceId.values()) {
            ServiceSpec spec = flow.service(id);
            assertEquals(1, spec.workers(), id + " workers");
            assertEquals(Distribution.ZERO, spec.workMs(), id + " workMs");
            assertEquals(0, spec.errorRate(), id + " errorRate");
            assertEquals(1.0, spec.slowdown(), id + " slowdown");
            assertEquals(0, spec.stockOutRate(), id + " stockOutRate");
            assertEquals(ServiceSpec.UNLIMITED, spec.agents(), id + " agents");
            assertEquals(Distribution.ZERO, spec.tripMs(), id + " tripMs");
        }
        assertEquals(LinkStyle.SYNC, flow.link(LinkId.ORDER_INVENTORY).style());
        assertEquals(LinkStyle.QUEUE, flow.link(LinkId.ORDER_KITCHEN).style());
        assertEquals(LinkStyle.EVENT, flow.link(LinkId.KITCHEN_DELIVERY).style());
        for (LinkId id : LinkId.values()) {
            LinkSpec spec = flow.link(id);
            assertEquals(Distribution.ZERO, spec.latencyMs(), id + " latencyMs");
            assertEquals(0, spec.lossRate(), id + " lossRate");
            assertEquals(30_000, spec.timeoutMs(), id + " timeoutMs");
            assertEquals(LinkSpec.UNLIMITED, spec.capacity(), id + " capacity");
        }
        assertTrue(flow.faults().isEmpty());
    }

    @Test
    void omittedFieldsOfAPartlyGivenServiceOrLinkTakeTheirDefaults() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Partial",
                 "orders": {"count": 7},
                 "services": {"kitchen": {"workers": 3}, "delivery": {"agents": 2}},
                 "links": {"order->kitchen": {"latencyMs": 10}}}
                """, "partial.json");

        assertEquals(new OrdersSpec(7, OrdersSpec.DEFAULT_INTERARRIVAL), flow.orders());
        assertEquals(ServiceSpec.defaults().withWorkers(3), flow.service(ServiceId.KITCHEN));
        assertEquals(ServiceSpec.defaults().withAgents(2), flow.service(ServiceId.DELIVERY));
        assertEquals(ServiceSpec.defaults(), flow.service(ServiceId.ORDER));
        assertEquals(LinkSpec.defaults(LinkId.ORDER_KITCHEN).withLatencyMs(Distribution.fixed(10)), flow.link(LinkId.ORDER_KITCHEN));
        assertEquals(LinkSpec.defaults(LinkId.KITCHEN_DELIVERY), flow.link(LinkId.KITCHEN_DELIVERY));
    }

    @Test
    void aBareNumberMeansAFixedDuration() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Bare numbers", "services": {"kitchen": {"workMs": 250}}, "links": {"order->kitchen": {"latencyMs": 7.5}}}
                """, "bare.json");

        assertEquals(new Distribution.Fixed(250), flow.service(ServiceId.KITCHEN).workMs());
        assertEquals(new Distribution.Fixed(7.5), flow.link(LinkId.ORDER_KITCHEN).latencyMs());
    }

    @Test
    void eachDistributionKindBecomesItsRecord() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Kinds", "services": {
                  "order": {"workMs": {"fixed": 5}},
                  "inventory": {"workMs": {"exponential": 30}},
                  "kitchen": {"workMs": {"uniform": [300, 900]}},
                  "delivery": {"workMs": {"normal": [500, 100]}}}}
                """, "kinds.json");

        assertEquals(new Distribution.Fixed(5), flow.service(ServiceId.ORDER).workMs());
        assertEquals(new Distribution.Exponential(30), flow.service(ServiceId.INVENTORY).workMs());
        assertEquals(new Distribution.Uniform(300, 900), flow.service(ServiceId.KITCHEN).workMs());
        assertEquals(new Distribution.Normal(500, 100), flow.service(ServiceId.DELIVERY).workMs());
    }

    @Test
    void everyFaultKindIsReadWithItsFactorOrRate() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Faults", "faults": [
                  {"service": "kitchen", "kind": "down", "atMs": 100, "forMs": 50},
                  {"service": "inventory", "kind": "slow", "atMs": 200, "forMs": 60, "factor": 3},
                  {"service": "order", "kind": "errors", "forMs": 70, "rate": 0.25},
                  {"link": "kitchen->delivery", "kind": "loss", "atMs": 300, "forMs": 80, "rate": 1}]}
                """, "faults.json");

        assertEquals(List.of(
                new FaultSpec(ServiceId.KITCHEN, null, FaultKind.DOWN, 100, 50, 0),
                new FaultSpec(ServiceId.INVENTORY, null, FaultKind.SLOW, 200, 60, 3),
                new FaultSpec(ServiceId.ORDER, null, FaultKind.ERRORS, 0, 70, 0.25),
                new FaultSpec(null, LinkId.KITCHEN_DELIVERY, FaultKind.LOSS, 300, 80, 1)), flow.faults());
    }

    @Test
    void everyResilienceFieldIsReadIntoItsPolicy() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Resilient",
                 "services": {"kitchen": {"poisonRate": 0.05, "idempotent": true},
                              "delivery": {"poisonRate": 0.01, "idempotent": false}},
                 "links": {
                   "order->inventory": {"timeoutMs": 300,
                     "retry": {"maxAttempts": 4, "baseDelayMs": 50, "multiplier": 3, "jitter": 0.1},
                     "circuitBreaker": {"failureRateThreshold": 0.4, "windowSize": 20, "minimumCalls": 8, "openMs": 2000,
                                        "halfOpenCalls": 3},
                     "bulkhead": {"maxConcurrent": 2, "policy": "wait", "maxWaitMs": 250},
                     "fallback": "accept"},
                   "order->kitchen": {"capacity": 40, "acks": true, "maxDeliveries": 3, "ackTimeoutMs": 5000,
                                      "overflow": "drop-oldest", "messageTtlMs": 60000},
                   "kitchen->delivery": {"capacity": 25, "acks": true, "maxDeliveries": 5, "ackTimeoutMs": 2000,
                                         "overflow": "reject", "messageTtlMs": 0, "durable": false}}}
                """, "resilient.json");

        assertEquals(ServiceSpec.defaults().withPoisonRate(0.05).withIdempotent(true), flow.service(ServiceId.KITCHEN));
        assertEquals(ServiceSpec.defaults().withPoisonRate(0.01), flow.service(ServiceId.DELIVERY));
        assertEquals(LinkSpec.defaults(LinkId.ORDER_INVENTORY).withTimeoutMs(300)
                        .withRetry(new RetryPolicy(4, 50, 3, 0.1))
                        .withBreaker(new BreakerPolicy(0.4, 20, 8, 2000, 3))
                        .withBulkhead(new BulkheadPolicy(2, true, 250))
                        .withFallback(StockFallback.ACCEPT),
                flow.link(LinkId.ORDER_INVENTORY));
        assertEquals(LinkSpec.defaults(LinkId.ORDER_KITCHEN).withCapacity(40)
                        .withDelivery(new DeliveryPolicy(true, 3, 5000, OverflowPolicy.DROP_OLDEST, 60_000, true)),
                flow.link(LinkId.ORDER_KITCHEN));
        assertEquals(LinkSpec.defaults(LinkId.KITCHEN_DELIVERY).withCapacity(25)
                        .withDelivery(new DeliveryPolicy(true, 5, 2000, OverflowPolicy.REJECT, 0, false)),
                flow.link(LinkId.KITCHEN_DELIVERY));
    }

    @Test
    void withoutTheResilienceFieldsEveryMechanismIsOff() throws FlowException {
        Flow flow = FlowLoader.parse("{\"name\": \"Bare\"}", "bare.json");

        for (LinkId id : LinkId.values()) {
            LinkSpec spec = flow.link(id);
            assertEquals(RetryPolicy.NONE, spec.retry(), id + " retry");
            assertFalse(spec.retry().enabled(), id + " retry");
            assertNull(spec.breaker(), id + " breaker");
            assertNull(spec.bulkhead(), id + " bulkhead");
            assertEquals(StockFallback.FAIL, spec.fallback(), id + " fallback");
            assertEquals(new DeliveryPolicy(false, 20, 30_000, OverflowPolicy.REJECT, 0, true), spec.delivery(), id + " delivery");
        }
        for (ServiceId id : ServiceId.values()) {
            assertEquals(0, flow.service(id).poisonRate(), id + " poisonRate");
            assertFalse(flow.service(id).idempotent(), id + " idempotent");
        }
    }

    @Test
    void omittedFieldsOfRetryBreakerAndBulkheadTakeTheirDocumentedDefaults() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Partial mechanisms",
                 "links": {"order->inventory": {"retry": {"maxAttempts": 3}, "circuitBreaker": {}, "bulkhead": {"maxConcurrent": 4}},
                           "order->kitchen": {"style": "sync", "retry": {}, "circuitBreaker": {"openMs": 800}},
                           "kitchen->delivery": {"style": "sync", "bulkhead": {"maxConcurrent": 1, "maxWaitMs": 100}}}}
                """, "partial.json");

        LinkSpec stockCheck = flow.link(LinkId.ORDER_INVENTORY);
        assertEquals(new RetryPolicy(3, 100, 2, 0.2), stockCheck.retry());
        assertEquals(BreakerPolicy.defaults(), stockCheck.breaker());
        assertEquals(new BreakerPolicy(0.5, 10, 5, 5000, 2), stockCheck.breaker());
        assertEquals(new BulkheadPolicy(4, false, 0), stockCheck.bulkhead());
        assertEquals(StockFallback.FAIL, stockCheck.fallback());

        LinkSpec kitchen = flow.link(LinkId.ORDER_KITCHEN);
        assertEquals(new RetryPolicy(1, 100, 2, 0.2), kitchen.retry());
        assertFalse(kitchen.retry().enabled(), "an empty retry object makes one attempt: retries stay off");
        assertEquals(new BreakerPolicy(0.5, 10, 5, 800, 2), kitchen.breaker());
        assertEquals(DeliveryPolicy.DEFAULTS, kitchen.delivery());

        // maxWaitMs without "wait" is kept for when the policy is switched to wait; reject is the default.
        assertEquals(new BulkheadPolicy(1, false, 100), flow.link(LinkId.KITCHEN_DELIVERY).bulkhead());
    }

    @Test
    void everyDiscoveryFieldIsReadIntoItsSpec() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Replicas",
                 "services": {"inventory": {"instances": 3}, "kitchen": {"instances": 5, "workers": 2}},
                 "discovery": {"heartbeatIntervalMs": 250, "missedHeartbeats": 2, "cacheTtlMs": 500, "balancing": "least-busy"},
                 "faults": [{"service": "inventory", "kind": "down", "instance": 2, "atMs": 6500, "forMs": 9000}]}
                """, "replicas.json");

        assertEquals(ServiceSpec.defaults().withInstances(3), flow.service(ServiceId.INVENTORY));
        assertEquals(ServiceSpec.defaults().withWorkers(2).withInstances(5), flow.service(ServiceId.KITCHEN));
        assertEquals(new DiscoverySpec(250, 2, 500, Balancing.LEAST_BUSY), flow.discovery());
        assertEquals(List.of(new FaultSpec(ServiceId.INVENTORY, null, FaultKind.DOWN, 6500, 9000, 0, 1)), flow.faults(),
                "the file's instance 2 is the record's instance 1");
    }

    @Test
    void omittedDiscoveryFieldsTakeTheDefaultsOfTheRegistry() throws FlowException {
        Flow empty = FlowLoader.parse("{\"name\": \"Registry\", \"discovery\": {}}", "registry.json");
        assertEquals(DiscoverySpec.DEFAULTS, empty.discovery());
        assertEquals(new DiscoverySpec(1000, 3, 5000, Balancing.ROUND_ROBIN), empty.discovery());

        Flow partial = FlowLoader.parse("{\"name\": \"Registry\", \"discovery\": {\"cacheTtlMs\": 0, \"balancing\": \"round-robin\"}}",
                "registry.json");
        assertEquals(DiscoverySpec.DEFAULTS.withCacheTtlMs(0), partial.discovery());
    }

    @Test
    void withoutDiscoveryThereIsNoRegistryAndEveryServiceRunsOneInstance() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Bare", "faults": [{"service": "kitchen", "kind": "down", "forMs": 50}]}
                """, "bare.json");

        assertNull(flow.discovery(), "no registry: callers know every instance");
        for (ServiceId id : ServiceId.values()) {
            assertEquals(1, flow.service(id).instances(), id + " instances");
        }
        assertEquals(FaultSpec.ALL_INSTANCES, flow.faults().get(0).instance(), "a down fault without instance crashes them all");
    }

    @Test
    void aDownFaultsInstanceCountsFromOneUpToTheInstancesTheServiceRuns() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Each instance",
                 "services": {"inventory": {"instances": 3}, "delivery": {"instances": 5}},
                 "faults": [{"service": "inventory", "kind": "down", "instance": 1, "forMs": 10},
                            {"service": "inventory", "kind": "down", "instance": 3, "forMs": 10},
                            {"service": "delivery", "kind": "down", "instance": 5, "forMs": 10},
                            {"service": "order", "kind": "down", "instance": 1, "forMs": 10},
                            {"service": "inventory", "kind": "down", "forMs": 10}]}
                """, "instances.json");

        assertEquals(List.of(0, 2, 4, 0, FaultSpec.ALL_INSTANCES), flow.faults().stream().map(FaultSpec::instance).toList());
        assertNull(flow.discovery(), "instances without a registry: callers balance over all of them");
    }

    @Test
    void aFaultsInstanceIsCheckedAgainstTheServicesWhereverTheyAreWritten() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Faults first",
                 "faults": [{"service": "kitchen", "kind": "down", "instance": 4, "forMs": 10}],
                 "services": {"kitchen": {"instances": 4}}}
                """, "order.json");

        assertEquals(3, flow.faults().get(0).instance());
    }

    @Test
    void omittedDeliveryFieldsTakeTheirDefaults() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Acks only",
                 "links": {"order->kitchen": {"acks": true}, "kitchen->delivery": {"durable": false}}}
                """, "acks.json");

        assertEquals(DeliveryPolicy.DEFAULTS.withAcks(true), flow.link(LinkId.ORDER_KITCHEN).delivery());
        assertEquals(20, flow.link(LinkId.ORDER_KITCHEN).delivery().maxDeliveries());
        assertEquals(30_000, flow.link(LinkId.ORDER_KITCHEN).delivery().ackTimeoutMs());
        assertEquals(DeliveryPolicy.DEFAULTS.withDurable(false), flow.link(LinkId.KITCHEN_DELIVERY).delivery());
        assertEquals(LinkSpec.UNLIMITED, flow.link(LinkId.KITCHEN_DELIVERY).capacity());
    }

    @Test
    void theFiveOriginalSamplesKeepEveryMechanismOff() throws FlowException {
        for (String fileName : List.of("hybrid-order.json", "all-sync.json", "kitchen-backlog.json", "inventory-outage.json",
                "lossy-network.json")) {
            Flow flow = FlowLoader.loadSample(fileName);
            for (LinkId id : LinkId.values()) {
                LinkSpec spec = flow.link(id);
                assertEquals(new LinkSpec(spec.style(), spec.latencyMs(), spec.lossRate(), spec.timeoutMs(), spec.capacity()), spec,
                        fileName + " " + id.key());
            }
            for (ServiceId id : ServiceId.values()) {
                ServiceSpec spec = flow.service(id);
                assertEquals(0, spec.poisonRate(), fileName + " " + id.key());
                assertFalse(spec.idempotent(), fileName + " " + id.key());
                assertEquals(1, spec.instances(), fileName + " " + id.key());
            }
            assertNull(flow.discovery(), fileName);
            assertTrue(flow.faults().stream().allMatch(f -> f.instance() == FaultSpec.ALL_INSTANCES), fileName);
        }
    }

    @Test
    void aWholeNumberMayBeWrittenWithAZeroFractionOrAnExponent() throws FlowException {
        Flow flow = FlowLoader.parse("{\"name\": \"n\", \"seed\": -7, \"orders\": {\"count\": 1e2},"
                + " \"services\": {\"kitchen\": {\"workers\": 3.0}}}", "n.json");

        assertEquals(-7, flow.seed());
        assertEquals(100, flow.orders().count());
        assertEquals(3, flow.service(ServiceId.KITCHEN).workers());
    }

    @Test
    void aSyncLinkCanBeChosenWhereTheLinkAllowsIt() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Sync", "links": {"order->kitchen": {"style": "sync", "timeoutMs": 10000},
                                           "kitchen->delivery": {"style": "sync"}}}
                """, "sync.json");

        assertEquals(LinkStyle.SYNC, flow.link(LinkId.ORDER_KITCHEN).style());
        assertEquals(10_000, flow.link(LinkId.ORDER_KITCHEN).timeoutMs());
        assertEquals(LinkStyle.SYNC, flow.link(LinkId.KITCHEN_DELIVERY).style());
    }

    @Test
    void aByteOrderMarkAtTheStartIsIgnored() throws FlowException {
        assertEquals("Marked", FlowLoader.parse("\uFEFF{\"name\": \"Marked\"}", "bom.json").name());
    }

    @Test
    void aFileIsReadAsUtf8AndErrorsNameItsPath(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("café.json");
        Files.writeString(good, "{\"name\": \"Café flow\", \"seed\": 3}", StandardCharsets.UTF_8);
        Flow flow = FlowLoader.load(good);
        assertEquals("Café flow", flow.name());
        assertEquals(3, flow.seed());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"x\",\n \"seed\": \"x\"}", StandardCharsets.UTF_8);
        FlowException e = assertThrows(FlowException.class, () -> FlowLoader.load(bad));
        assertEquals(bad.toString(), e.sourceName());
        assertEquals(bad + ":2:10: seed: expected a whole number but found the string \"x\"", e.getMessage());
    }

    @Test
    void theSameTextLoadsTheSameFlowFromAFileAndFromAString(@TempDir Path dir) throws Exception {
        String json = new String(FlowLoader.class.getClassLoader().getResourceAsStream("sample-flows/lossy-network.json")
                .readAllBytes(), StandardCharsets.UTF_8);
        Path file = dir.resolve("copy.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);

        assertEquals(FlowLoader.loadSample("lossy-network.json"), FlowLoader.load(file));
        assertEquals(FlowLoader.loadSample("lossy-network.json"), FlowLoader.parse(json, "copy.json"));
    }

    @Test
    void aSampleThatDoesNotExistIsAClearError() {
        FlowException e = assertThrows(FlowException.class, () -> FlowLoader.loadSample("nope.json"));
        assertEquals("nope.json: no sample flow with this name; the samples are hybrid-order.json, one-order.json, all-sync.json,"
                + " kitchen-backlog.json, courier-shortage.json, inventory-outage.json, lossy-network.json, retry-storm.json, circuit-breaker.json,"
                + " poison-message.json, duplicate-delivery.json, instance-failover.json", e.getMessage());
        assertFalse(e.hasPosition());

        FlowException path = assertThrows(FlowException.class, () -> FlowLoader.loadSample("../pom.xml"));
        assertTrue(path.problem().startsWith("not a sample file name"), path.problem());
    }

    // ---- issue 8: the size limit holds for bytes read, the longest durations load ----

    @Test
    void aStreamLongerThanTheLimitIsRefusedAfterReadingJustPastTheLimit() {
        // an endless stream, as a pipe or a device gives: nothing says its size in advance
        java.io.InputStream endless = new java.io.InputStream() {
            long given;

            @Override
            public int read() {
                given++;
                return ' ';
            }
        };
        FlowException e = assertThrows(FlowException.class, () -> FlowLoader.readAtMost(endless, "<stdin>"));
        assertEquals("<stdin>: gives more than 4096 KB, too large for a flow file (at most 4096 KB); stopped reading there",
                e.getMessage());
    }

    @org.junit.jupiter.api.Timeout(60)
    @Test
    void aDeviceWithoutASizeIsRefusedByTheBytesItGivesNotReadToTheEnd() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "needs /dev/zero");
        FlowException e = assertThrows(FlowException.class, () -> FlowLoader.load(zero));
        assertEquals("/dev/zero: gives more than 4096 KB, too large for a flow file (at most 4096 KB); stopped reading there",
                e.getMessage());
    }

    @Test
    void everyDurationMayBeAsLongAsTheLongestTheModelKeepsExact() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "longest", "orders": {"count": 2, "interarrivalMs": 1e9},
                 "services": {"kitchen": {"workMs": {"uniform": [0, 1e9]}, "slowdown": 100}},
                 "links": {"order->inventory": {"latencyMs": {"normal": [1e9, 1e9]}, "timeoutMs": 1e9,
                                                "retry": {"maxAttempts": 9, "baseDelayMs": 100, "multiplier": 10}},
                           "order->kitchen": {"acks": true, "ackTimeoutMs": 1e9, "messageTtlMs": 1e9}},
                 "faults": [{"service": "kitchen", "kind": "slow", "atMs": 1e9, "forMs": 1e9, "factor": 100}],
                 "discovery": {"cacheTtlMs": 1e9}}
                """, "longest.json");
        assertEquals(1e9, flow.link(LinkId.ORDER_INVENTORY).timeoutMs());
        assertEquals(1e9, flow.link(LinkId.ORDER_INVENTORY).retry().backoffMs(9));
        assertEquals(100, flow.faults().get(0).value());
    }
}
