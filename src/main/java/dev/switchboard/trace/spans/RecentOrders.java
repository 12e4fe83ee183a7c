package dev.switchboard.trace.spans;

import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The spans of the newest {@link #MAX_ORDERS} orders of a run as it plays, for a live view: the
 * timelines {@link OrderSpans} has handed over, and a snapshot of any order still in flight. The same
 * fold as the OpenTelemetry export, so a view and the export never disagree.
 */
public final class RecentOrders implements TraceListener {
    public static final int MAX_ORDERS = 5_000;

    private final TreeMap<Long, OrderTimeline> kept = new TreeMap<>();
    private final OrderSpans spans = new OrderSpans(Long.MAX_VALUE, this::keep);

    @Override
    public void onEvent(TraceEvent event) {
        spans.onEvent(event);
    }

    private void keep(OrderTimeline timeline) {
        kept.put(timeline.orderId(), timeline);
        while (kept.size() > MAX_ORDERS) {
            kept.pollFirstEntry();
        }
    }

    /** The order's spans, finished or so far; empty when it was never placed or is no longer kept. */
    public Optional<OrderTimeline> order(long orderId) {
        OrderTimeline done = kept.get(orderId);
        return done != null ? Optional.of(done) : spans.notYetHandedOver(orderId);
    }

    /** The finished orders kept, by order id (an order in flight is found by {@link #order}). */
    public List<OrderTimeline> orders() {
        List<OrderTimeline> result = new ArrayList<>(kept.values());
        result.addAll(spans.finishedNow());
        result.sort(java.util.Comparator.comparingLong(OrderTimeline::orderId));
        return result;
    }

    /** Forgets everything, for a new run. */
    public void clear() {
        kept.clear();
        spans.clear();
    }
}
