package dev.switchboard.export;

import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.JsonText;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.spans.OrderSpans;
import dev.switchboard.trace.spans.OrderTimeline;
import dev.switchboard.trace.spans.Span;
import dev.switchboard.trace.spans.SpanKind;
import dev.switchboard.trace.spans.SpanMark;

import java.util.List;
import java.util.Set;

/**
 * Writes the run as an OpenTelemetry {@code ExportTraceServiceRequest} in OTLP JSON: one trace per
 * order, one span per hop of {@link OrderSpans} (waits, handling, work, blocked calls, travel, the
 * agent wait, the trip) with timeouts, losses and retries as span events, grouped by service
 * ({@code service.name} resource attribute). Ids derive from the seed and order id, times are unix
 * nanoseconds from {@link #EPOCH_UNIX_NANOS} plus virtual time, so the same run gives the same bytes.
 * Orders stream out as they finish: memory holds only orders in flight.
 */
public final class OtlpJson implements ExportSink {
    /** Virtual time 0 is 2026-01-01T00:00:00Z, so trace viewers show plausible dates. */
    public static final long EPOCH_UNIX_NANOS = 1_767_225_600_000_000_000L;
    public static final String SCOPE_NAME = "dev.switchboard";

    private static final Set<String> ERROR_OUTCOMES = Set.of("error", "timeout", "lost", "dropped", "crash",
            "failed", "dead_lettered", "unavailable", "unfinished");

    private final Output out;
    private final OrderSpans spans;
    private long seed;
    private boolean first = true;

    public OtlpJson(Appendable out) {
        this.out = new Output(out);
        this.spans = new OrderSpans(Long.MAX_VALUE, this::write);
        this.out.add("{\"resourceSpans\":[");
    }

    @Override
    public void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.RunStarted e) {
            seed = e.seed();
        }
        spans.onEvent(event);
    }

    @Override
    public void finish() {
        spans.finish();
        out.add("\n]}\n");
    }

    private void write(OrderTimeline order) {
        String traceId = hex(mix(seed, order.orderId(), -1)) + hex(mix(seed, order.orderId(), -2));
        for (ServiceId service : ServiceId.values()) {
            List<Span> mine = order.spans().stream().filter(s -> s.service() == service).toList();
            if (mine.isEmpty()) {
                continue;
            }
            StringBuilder b = new StringBuilder(1024);
            b.append(first ? "\n" : ",\n");
            first = false;
            b.append("{\"resource\":{\"attributes\":[");
            attribute(b, "service.name", service.key(), true);
            b.append("]},\"scopeSpans\":[{\"scope\":{\"name\":\"").append(SCOPE_NAME).append("\"},\"spans\":[");
            boolean firstSpan = true;
            for (Span span : mine) {
                if (!firstSpan) {
                    b.append(',');
                }
                firstSpan = false;
                span(b, order, traceId, span);
            }
            b.append("]}]}");
            out.add(b);
        }
    }

    private void span(StringBuilder b, OrderTimeline order, String traceId, Span span) {
        b.append("\n {\"traceId\":\"").append(traceId).append("\",\"spanId\":\"")
                .append(spanId(order.orderId(), span.index())).append('"');
        if (span.parent() >= 0) {
            b.append(",\"parentSpanId\":\"").append(spanId(order.orderId(), span.parent())).append('"');
        }
        b.append(",\"name\":");
        JsonText.appendString(b, span.name());
        b.append(",\"kind\":").append(kind(span));
        b.append(",\"startTimeUnixNano\":\"").append(nanos(span.startMs())).append('"');
        b.append(",\"endTimeUnixNano\":\"").append(nanos(span.endMs())).append('"');
        b.append(",\"attributes\":[");
        attribute(b, "switchboard.order.id", Long.toString(order.orderId()), true);
        attribute(b, "switchboard.span.kind", span.kind().name().toLowerCase(java.util.Locale.ROOT), false);
        attribute(b, "switchboard.outcome", span.outcome(), false);
        if (span.worker() >= 0) {
            attribute(b, span.kind() == SpanKind.TRIP ? "switchboard.agent" : "switchboard.worker",
                    Integer.toString(span.worker() + 1), false);
        }
        if (span.link() != null) {
            attribute(b, "switchboard.link", span.link().key(), false);
        }
        if (span.task() != null) {
            attribute(b, "switchboard.task", span.task().name().toLowerCase(java.util.Locale.ROOT), false);
        }
        b.append(']');
        boolean firstEvent = true;
        for (SpanMark mark : order.marks()) {
            if (mark.span() != span.index()) {
                continue;
            }
            b.append(firstEvent ? ",\"events\":[" : ",");
            firstEvent = false;
            b.append("{\"timeUnixNano\":\"").append(nanos(mark.timeMs())).append("\",\"name\":");
            JsonText.appendString(b, mark.name());
            b.append(",\"attributes\":[");
            attribute(b, "switchboard.service", mark.service().key(), true);
            if (mark.detail() != null) {
                attribute(b, "switchboard.detail", mark.detail(), false);
            }
            b.append("]}");
        }
        if (!firstEvent) {
            b.append(']');
        }
        if (ERROR_OUTCOMES.contains(span.outcome())) {
            b.append(",\"status\":{\"code\":2,\"message\":");
            JsonText.appendString(b, span.outcome());
            b.append('}');
        }
        b.append('}');
    }

    /** OTLP span kinds: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
    private static int kind(Span span) {
        return switch (span.kind()) {
            case ORDER -> 2;
            case BLOCKED -> 3;
            case HANDLING -> span.inbound() == null ? 1 : switch (span.inbound()) {
                case REQUEST -> 2;
                case QUEUE_MESSAGE, EVENT -> 5;
                case NEW_ORDER -> 1;
            };
            case TRAVEL -> span.what().equals("message") || span.what().equals("event") ? 4 : 1;
            default -> 1;
        };
    }

    private static void attribute(StringBuilder b, String key, String value, boolean firstInList) {
        if (!firstInList) {
            b.append(',');
        }
        b.append("{\"key\":");
        JsonText.appendString(b, key);
        b.append(",\"value\":{\"stringValue\":");
        JsonText.appendString(b, value);
        b.append("}}");
    }

    /** Unix nanoseconds of a virtual time. */
    public static long nanos(double virtualMs) {
        return EPOCH_UNIX_NANOS + Math.round(virtualMs * 1_000_000.0);
    }

    private String spanId(long orderId, int index) {
        return hex(mix(seed, orderId, index));
    }

    /** SplitMix64 over the three numbers: well spread, never 0 (an all-zero id is invalid in OTLP). */
    static long mix(long seed, long orderId, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + orderId * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return z == 0 ? 1 : z;
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
