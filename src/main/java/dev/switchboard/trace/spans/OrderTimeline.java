package dev.switchboard.trace.spans;

import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.Outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The spans and marks of one order, as {@link OrderSpans} folded them from the trace. Span 0 is the
 * root (the whole order); the others nest under it by {@link Span#parent()}. Times that did not
 * happen are {@code NaN} and outcomes that did not happen are null. It also answers where the
 * order's time went: the critical path of its acceptance and its delivery latency.
 */
public record OrderTimeline(long orderId, double placedAtMs, double answeredAtMs, CustomerAnswer answer,
                            double finishedAtMs, Outcome outcome, List<Span> spans, List<SpanMark> marks) {
    private static final double EPSILON_MS = 1e-9;

    public OrderTimeline {
        spans = List.copyOf(spans);
        marks = List.copyOf(marks);
    }

    public Span root() {
        return spans.get(0);
    }

    /** The spans directly under {@code parent}, in the order they opened. */
    public List<Span> children(int parent) {
        List<Span> result = new ArrayList<>();
        for (Span span : spans) {
            if (span.parent() == parent) {
                result.add(span);
            }
        }
        return result;
    }

    /**
     * The hops of the order, in order of start, as a waterfall shows them: every span but the root and
     * the handling spans (which only hold the work, waits and calls listed beside them), and without
     * waits that took no time.
     */
    public List<Span> hops() {
        List<Span> result = new ArrayList<>();
        for (Span span : spans) {
            boolean container = span.kind() == SpanKind.ORDER || span.kind() == SpanKind.HANDLING;
            boolean noWait = (span.kind() == SpanKind.WAIT || span.kind() == SpanKind.AGENT_WAIT)
                    && !(span.durationMs() > 0);
            if (!container && !noWait) {
                result.add(span);
            }
        }
        result.sort(Comparator.comparingDouble(Span::startMs));
        return result;
    }

    /** From placing to the customer's answer, as the report's {@code acceptLatencyMs} counts it; NaN if none. */
    public double acceptLatencyMs() {
        return answeredAtMs - placedAtMs;
    }

    /** From placing to the hand-over, as the report's {@code deliveryLatencyMs} counts it; NaN unless delivered. */
    public double deliveryLatencyMs() {
        return outcome == Outcome.DELIVERED ? finishedAtMs - placedAtMs : Double.NaN;
    }

    /** The hops that set the acceptance latency, in order; empty before the answer. */
    public List<Span> acceptancePath() {
        return Double.isNaN(answeredAtMs) ? List.of() : criticalPath(answeredAtMs);
    }

    /** The hops that set the delivery latency, in order; empty unless delivered. */
    public List<Span> deliveryPath() {
        return outcome == Outcome.DELIVERED ? criticalPath(finishedAtMs) : List.of();
    }

    /**
     * Walks back from {@code endMs} to the placing: each step takes the hop that ended last at or
     * before the cursor (the longest of those that end together), since the order could not go on
     * before it ended; time no hop covers becomes a {@link SpanKind#GAP}. Blocked spans are not
     * steps: they contain the hops that explain them.
     */
    public List<Span> criticalPath(double endMs) {
        List<Span> candidates = new ArrayList<>(hops());
        candidates.removeIf(s -> s.kind() == SpanKind.BLOCKED);
        List<Span> path = new ArrayList<>();
        double cursor = endMs;
        while (cursor > placedAtMs + EPSILON_MS) {
            Span best = null;
            for (Span s : candidates) {
                if (s.endMs() > cursor + EPSILON_MS || !(s.startMs() < cursor - EPSILON_MS)) {
                    continue;
                }
                if (best == null || s.endMs() > best.endMs() + EPSILON_MS
                        || Math.abs(s.endMs() - best.endMs()) <= EPSILON_MS && s.startMs() < best.startMs()) {
                    best = s;
                }
            }
            double from = best == null ? placedAtMs : Math.max(best.endMs(), placedAtMs);
            if (from < cursor - EPSILON_MS) {
                path.add(new Span(orderId, -1, -1, SpanKind.GAP, null, -1, null, null, null, null, from, cursor,
                        "ok"));
            }
            if (best == null) {
                break;
            }
            path.add(best);
            cursor = best.startMs();
        }
        Collections.reverse(path);
        return path;
    }
}
