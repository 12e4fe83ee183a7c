package dev.switchboard.spans;

import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The why-window's live sequence diagram: it keeps what {@link SequenceFold} (the same fold the
 * Mermaid and PlantUML exports draw) finds in the trace — arrows for everything that travels (orders,
 * requests, replies, queued messages, published events fanned out to their subscriber, acks, the
 * delivered meal), bars for every task a worker does, every span in which a worker is blocked, every wait in the broker queue,
 * every wait for a delivery agent and every trip, and marks for
 * timeouts, retries, redeliveries, rejections and losses. Everything is kept in time order of its
 * start, so {@link #arrowsBetween} finds what a time window shows by binary search. It keeps the
 * newest {@link #MAX_ITEMS} of each kind, so a long run's memory stays bounded.
 */
public final class SequenceModel implements TraceListener, SequenceFold.Sink {
    public static final int MAX_ITEMS = 300_000;

    private final SequenceFold fold = new SequenceFold(Long.MAX_VALUE, this);
    /** Every arrow and bar the fold hands over is kept, so its number is its position in the store. */
    private final Store<Arrow> arrows = new Store<>();
    private final Store<Bar> bars = new Store<>();
    private final Store<Mark> marks = new Store<>();
    private final Set<Long> openBars = new LinkedHashSet<>();
    private double maxArrowMs;
    private double maxBarMs;

    @Override
    public void onEvent(TraceEvent event) {
        fold.onEvent(event);
    }

    @Override
    public void arrow(long id, Arrow arrow) {
        maxArrowMs = Math.max(maxArrowMs, arrow.endMs() - arrow.startMs());
        arrows.add(arrow);
    }

    @Override
    public void remarked(long id, Arrow arrow, TraceEvent cause) {
        arrows.set(id, arrow);
    }

    @Override
    public void barOpened(long id, Bar bar) {
        bars.add(bar);
        if (bar.isOpen()) {
            openBars.add(id);
        } else {
            maxBarMs = Math.max(maxBarMs, bar.endMs() - bar.startMs());
        }
    }

    @Override
    public void barClosed(long id, Bar bar, TraceEvent cause) {
        openBars.remove(id);
        bars.set(id, bar);
        maxBarMs = Math.max(maxBarMs, bar.endMs() - bar.startMs());
    }

    @Override
    public void mark(Mark mark) {
        if (mark.kind() != Mark.Kind.FATE) {
            marks.add(mark);
        }
    }

    /** Clears everything for a new run. */
    public void clear() {
        fold.clear();
        arrows.clear();
        bars.clear();
        marks.clear();
        openBars.clear();
        maxArrowMs = 0;
        maxBarMs = 0;
    }

    /** Every arrow the live diagram draws, in order of departure (not the takes from the topic: it draws the fan-out). */
    public List<Arrow> arrows() {
        return arrows.items().stream().filter(SequenceModel::drawn).toList();
    }

    private static boolean drawn(Arrow arrow) {
        return arrow.kind() != Arrow.Kind.FROM_TOPIC;
    }

    /** Every blocked and queued bar kept, in order of start. */
    public List<Bar> bars() {
        return bars.items();
    }

    public List<Mark> marks() {
        return marks.items();
    }

    /**
     * The arrows that cross the window [{@code fromMs}, {@code toMs}], of {@code orderId} only when it
     * is above 0, found by binary search on departure (an arrow is at most {@link #maxArrowMs} long).
     */
    public List<Arrow> arrowsBetween(double fromMs, double toMs, long orderId) {
        List<Arrow> out = new ArrayList<>();
        List<Arrow> all = arrows.items();
        for (int i = firstStartingAfter(all, fromMs - maxArrowMs, Arrow::startMs); i < all.size(); i++) {
            Arrow a = all.get(i);
            if (a.startMs() > toMs) {
                break;
            }
            if (a.endMs() >= fromMs && (orderId <= 0 || a.orderId() == orderId) && drawn(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The bars that overlap the window, open ones running to {@code nowMs}. */
    public List<Bar> barsBetween(double fromMs, double toMs, double nowMs, long orderId) {
        List<Bar> out = new ArrayList<>();
        List<Bar> all = bars.items();
        for (Long at : openBars) {
            addOpen(out, at, fromMs, orderId);
        }
        for (int i = firstStartingAfter(all, fromMs - maxBarMs, Bar::startMs); i < all.size(); i++) {
            Bar b = all.get(i);
            if (b.startMs() > toMs) {
                break;
            }
            if (!b.isOpen() && b.endMs() >= fromMs && (orderId <= 0 || b.orderId() == orderId)) {
                out.add(b);
            }
        }
        return out;
    }

    private void addOpen(List<Bar> out, long at, double fromMs, long orderId) {
        Bar b = bars.get(at);
        if (b != null && (orderId <= 0 || b.orderId() == orderId)) {
            out.add(b);
        }
    }

    public List<Mark> marksBetween(double fromMs, double toMs, long orderId) {
        List<Mark> out = new ArrayList<>();
        List<Mark> all = marks.items();
        for (int i = firstStartingAfter(all, fromMs, Mark::timeMs); i < all.size(); i++) {
            Mark m = all.get(i);
            if (m.timeMs() > toMs) {
                break;
            }
            if (orderId <= 0 || m.orderId() == orderId) {
                out.add(m);
            }
        }
        return out;
    }

    /** The longest arrow so far, which bounds how far back a window's search starts. */
    public double maxArrowMs() {
        return maxArrowMs;
    }

    private interface TimeOf<T> {
        double of(T item);
    }

    private static <T> int firstStartingAfter(List<T> items, double timeMs, TimeOf<T> time) {
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time.of(items.get(mid)) < timeMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * An append-only list addressed by absolute position, that drops its oldest quarter when it
     * holds more than {@link #MAX_ITEMS}; a position whose item was dropped reads as null.
     */
    private static final class Store<T> {
        private ArrayList<T> items = new ArrayList<>();
        private long dropped;

        long add(T item) {
            if (items.size() >= MAX_ITEMS) {
                int cut = MAX_ITEMS / 4;
                items = new ArrayList<>(items.subList(cut, items.size()));
                dropped += cut;
            }
            items.add(item);
            return dropped + items.size() - 1;
        }

        T get(long at) {
            long i = at - dropped;
            return i < 0 || i >= items.size() ? null : items.get((int) i);
        }

        void set(long at, T item) {
            long i = at - dropped;
            if (i >= 0 && i < items.size()) {
                items.set((int) i, item);
            }
        }

        List<T> items() {
            return java.util.Collections.unmodifiableList(items);
        }

        void clear() {
            items = new ArrayList<>();
            dropped = 0;
        }
    }
}
