package dev.switchboard.export;

import com.google.protobuf.util.JsonFormat;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.spans.ScriptedRuns;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OTLP export, read back with the official OpenTelemetry protobuf classes. */
class OtlpJsonTest {

    private static ExportTraceServiceRequest parse(String json) throws Exception {
        ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
        JsonFormat.parser().merge(json, builder);
        return builder.build();
    }

    /**
     * OTLP/JSON writes ids as hex, as the OpenTelemetry specification asks; protobuf's generic JSON
     * parser reads bytes as base64, which hex digits also are, so the hex text is the base64 of what it read.
     */
    private static String hexId(com.google.protobuf.ByteString id) {
        return Base64.getEncoder().withoutPadding().encodeToString(id.toByteArray());
    }

    private static List<Span> spans(ExportTraceServiceRequest request) {
        List<Span> all = new ArrayList<>();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            rs.getScopeSpansList().forEach(ss -> all.addAll(ss.getSpansList()));
        }
        return all;
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(a -> a.getKey().equals(key)).map(a -> a.getValue().getStringValue())
                .findFirst().orElse(null);
    }

    @Test
    void eachOrderIsOneTraceWithOneRootAndParentsInsideItAndServiceNamesOnTheResources() throws Exception {
        List<TraceEvent> events = ScriptedRuns.play(ScriptedRuns.hybrid(6, "queue", 0), null);
        ExportTraceServiceRequest request = parse(Exports.otlp(events));
        Set<String> services = new HashSet<>();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            services.add(attribute(rs.getResource().getAttributesList(), "service.name"));
        }
        assertEquals(Set.of("order", "inventory", "kitchen", "delivery"), services);
        Map<String, List<Span>> traces = new HashMap<>();
        for (Span span : spans(request)) {
            String traceId = hexId(span.getTraceId());
            assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
            assertTrue(hexId(span.getSpanId()).matches("[0-9a-f]{16}"));
            assertTrue(span.getEndTimeUnixNano() >= span.getStartTimeUnixNano(), span.getName());
            traces.computeIfAbsent(traceId, k -> new ArrayList<>()).add(span);
        }
        assertEquals(6, traces.size());
        for (List<Span> trace : traces.values()) {
            Set<String> ids = new HashSet<>();
            trace.forEach(s -> ids.add(hexId(s.getSpanId())));
            assertEquals(trace.size(), ids.size(), "span ids are unique in a trace");
            assertEquals(1, trace.stream().filter(s -> s.getParentSpanId().isEmpty()).count(), "one root");
            for (Span s : trace) {
                assertTrue(s.getParentSpanId().isEmpty() || ids.contains(hexId(s.getParentSpanId())), s.getName());
            }
        }
    }

    @Test
    void theRootSpanLastsTheOrdersDeliveryLatencyAndTheHopsAreAllThere() throws Exception {
        Metrics metrics = new Metrics();
        List<TraceEvent> events = ScriptedRuns.play(ScriptedRuns.hybrid(1, "queue", 0), metrics);
        List<Span> spans = spans(parse(Exports.otlp(events)));
        Span root = spans.stream().filter(s -> s.getParentSpanId().isEmpty()).findFirst().orElseThrow();
        assertEquals("order #1", root.getName());
        assertEquals(OtlpJson.nanos(0) + Math.round(metrics.report().deliveryLatencyMs().max() * 1e6),
                root.getEndTimeUnixNano(), 1000);
        Set<String> names = new HashSet<>();
        spans.forEach(s -> names.add(s.getName()));
        for (String hop : List.of("order: wait for a worker", "order: blocked on order->inventory",
                "order->inventory request", "inventory: checking stock", "order->inventory reply ok",
                "order: processing the payment", "order->kitchen message", "kitchen: wait in the broker queue",
                "kitchen: preparing the meal", "kitchen->delivery event", "delivery: assigning a delivery agent",
                "delivery: trip")) {
            assertTrue(names.contains(hop), hop + " in " + names);
        }
    }

    @Test
    void aTimedOutCallIsAnErrorSpanWithATimeoutEvent() throws Exception {
        List<Span> spans = spans(parse(Exports.otlp(ScriptedRuns.play(ScriptedRuns.hybrid(1, "queue", 1.0), null))));
        Span blocked = spans.stream().filter(s -> s.getName().equals("order: blocked on order->inventory"))
                .findFirst().orElseThrow();
        assertEquals(Status.StatusCode.STATUS_CODE_ERROR, blocked.getStatus().getCode());
        assertTrue(blocked.getEventsList().stream().anyMatch(e -> e.getName().equals("timeout")));
        assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, blocked.getKind());
    }

    @Test
    void theSameRunGivesTheSameBytesAndAnotherSeedOtherIds() {
        String once = Exports.otlp(ScriptedRuns.play(ScriptedRuns.hybrid(3, "queue", 0), null));
        String again = Exports.otlp(ScriptedRuns.play(ScriptedRuns.hybrid(3, "queue", 0), null));
        assertEquals(once, again);
        String otherSeed = Exports.otlp(ScriptedRuns.play(ScriptedRuns.hybrid(3, "queue", 0).withSeed(8), null));
        assertNotEquals(once.substring(0, 200), otherSeed.substring(0, 200));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("dev.switchboard.flow.SampleFlows#fileNames")
    void everySamplesExportIsReadByTheOpenTelemetryClassesWithATraceForEveryOrder(String sample) throws Exception {
        dev.switchboard.flow.Flow flow = dev.switchboard.flow.FlowLoader.loadSample(sample);
        List<TraceEvent> events = ScriptedRuns.play(flow, null);
        List<Span> spans = spans(parse(Exports.otlp(events)));
        Set<String> traces = new HashSet<>();
        for (Span span : spans) {
            traces.add(hexId(span.getTraceId()));
            assertTrue(span.getEndTimeUnixNano() >= span.getStartTimeUnixNano(), sample + ": " + span.getName());
            assertTrue(span.getStartTimeUnixNano() >= OtlpJson.EPOCH_UNIX_NANOS);
        }
        assertEquals(flow.orders().count(), traces.size(), sample);
    }
}
