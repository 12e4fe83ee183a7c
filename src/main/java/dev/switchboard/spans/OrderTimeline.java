package dev.switchboard.spans;

import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.Outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One order's spans as its trace events arrived, and the times that define its latencies:
 * placed, answered (acceptance latency) and finished (delivery latency when delivered).
 */
public final class OrderTimeline {
    private static final double EPSILON_MS = 1e-9;

    private final long orderId;
    private final double placedAtMs;
    private final List<Span> spans = new ArrayList<>();
    private double answeredAtMs = Double.NaN;
    private CustomerAnswer answer;
    private double finishedAtMs = Double.NaN;
    private Outcome outcome;

    OrderTimeline(long orderId, double placedAtMs) {
        this.orderId = orderId;
        this.placedAtMs = placedAtMs;
    }

    void add(Span span) {
        spans.add(span);
    }

    void replace(Span old, Span now) {
        int i = spans.lastIndexOf(old);
        if (i >= 0) {
            spans.set(i, now);
        }
    }

    void answered(double timeMs, CustomerAnswer customerAnswer) {
        answeredAtMs = timeMs;
        answer = customerAnswer;
    }

    void finished(double timeMs, Outcome finalOutcome) {
        finishedAtMs = timeMs;
        outcome = finalOutcome;
    }

    public long orderId() {
        return orderId;
    }

    public double placedAtMs() {
        return placedAtMs;
    }

    /** NaN until the customer got an answer. */
    public double answeredAtMs() {
        return answeredAtMs;
    }

    public CustomerAnswer answer() {
        return answer;
    }

    /** NaN until the order reached its bucket. */
    public double finishedAtMs() {
        return finishedAtMs;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Every span so far in order of start (blocked spans included); an open one is not listed until it ends. */
    public List<Span> spans() {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingDouble(Span::startMs));
        return Collections.unmodifiableList(sorted);
    }

    public double acceptanceLatencyMs() {
        return answeredAtMs - placedAtMs;
    }

    public double deliveryLatencyMs() {
        return outcome == Outcome.DELIVERED ? finishedAtMs - placedAtMs : Double.NaN;
    }

    /** The spans that set the acceptance latency, in order; empty before the answer. */
    public List<Span> acceptancePath() {
        return Double.isNaN(answeredAtMs) ? List.of() : criticalPath(answeredAtMs);
    }

    /** The spans that set the delivery latency, in order; empty unless delivered. */
    public List<Span> deliveryPath() {
        return outcome == Outcome.DELIVERED ? criticalPath(finishedAtMs) : List.of();
    }

    /**
     * Walks back from {@code endMs} to the placing: each step takes the span that ended last at or
     * before the cursor (the longest of those that end together), since the order could not go on
     * before it ended; time no span covers becomes a {@link Span.Kind#GAP}. Blocked spans are not
     * steps: they contain the hops that explain them.
     */
    public List<Span> criticalPath(double endMs) {
        List<Span> path = new ArrayList<>();
        double cursor = endMs;
        while (cursor > placedAtMs + EPSILON_MS) {
            Span best = null;
            for (Span s : spans) {
                if (s.kind() == Span.Kind.BLOCKED || s.endMs() > cursor + EPSILON_MS
                        || !(s.startMs() < cursor - EPSILON_MS)) {
                    continue;
                }
                if (best == null || s.endMs() > best.endMs() + EPSILON_MS
                        || Math.abs(s.endMs() - best.endMs()) <= EPSILON_MS && s.startMs() < best.startMs()) {
                    best = s;
                }
            }
            double from = best == null ? placedAtMs : Math.max(best.endMs(), placedAtMs);
            if (from < cursor - EPSILON_MS) {
                path.add(new Span(Span.Kind.GAP, null, -1, null, from, cursor, false));
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
