package dev.switchboard.ui;

import dev.switchboard.flow.Flow;
import dev.switchboard.trace.Background;
import dev.switchboard.trace.TraceEvent;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The narration log: one sentence per trace event, newest last. It keeps only the last
 * {@link #MAX_LINES} lines so a long run's memory stays flat, and hands new lines to the list in one
 * batch per clock advance; the lines of the latest batch are the ones the last step produced.
 * {@link #shownLines()} is what the list shows: background chatter (registry heartbeats, cache
 * refreshes) only when asked for, and only the followed order's lines while one is followed.
 */
public final class NarrationViewModel implements RunListener {
    public static final int MAX_LINES = 5_000;

    private final ObservableList<NarrationLine> lines = FXCollections.observableArrayList();
    private final ObservableList<NarrationLine> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final List<NarrationLine> pending = new ArrayList<>();
    private final ReadOnlyLongWrapper latestBatchStart = new ReadOnlyLongWrapper(this, "latestBatchStart", 0);
    private final ReadOnlyLongWrapper totalLines = new ReadOnlyLongWrapper(this, "totalLines", 0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", summary(0));
    private final BooleanProperty highlightLatest = new SimpleBooleanProperty(this, "highlightLatest", true);
    private final ObjectProperty<Long> followedOrder = new SimpleObjectProperty<>(this, "followedOrder");
    private final BooleanProperty showBackground = new SimpleBooleanProperty(this, "showBackground", false);
    private final FilteredList<NarrationLine> shown = new FilteredList<>(readOnlyLines, this::isShown);
    private long nextNumber = 1;
    private boolean refolding;

    public NarrationViewModel() {
        followedOrder.addListener((obs, old, now) -> shown.setPredicate(this::isShown));
        showBackground.addListener((obs, old, now) -> shown.setPredicate(this::isShown));
    }

    /** Whether the shown list has {@code line}: chatter only when asked for, a followed order's lines only. */
    boolean isShown(NarrationLine line) {
        if (!showBackground.get() && isBackground(line.event())) {
            return false;
        }
        Long order = followedOrder.get();
        return order == null || EventOrders.orderOf(line.event()).orElse(-1) == order;
    }

    /** Registry heartbeats and cache refreshes: they repeat on a timer and say nothing new about any order. */
    static boolean isBackground(TraceEvent event) {
        return event instanceof Background;
    }

    @Override
    public void onEvent(TraceEvent event) {
        pending.add(new NarrationLine(nextNumber++, event));
        if (pending.size() >= 2 * MAX_LINES) {
            // A huge advance (a replay of a long run): the older part would be cut from the list anyway.
            // Cut in halves, not one line per event, so a replay stays linear in its length.
            pending.subList(0, pending.size() - MAX_LINES).clear();
        }
    }

    @Override
    public void advanced(double nowMs) {
        if (pending.isEmpty()) {
            return;
        }
        if (pending.size() > MAX_LINES) {
            pending.subList(0, pending.size() - MAX_LINES).clear();
        }
        long batchStart = pending.get(0).number();
        if (refolding) {
            // The run folded again up to a moment: its latest lines are those of that moment's instant, not all of it.
            refolding = false;
            double last = pending.get(pending.size() - 1).event().timeMs();
            int first = pending.size() - 1;
            while (first > 0 && pending.get(first - 1).event().timeMs() == last) {
                first--;
            }
            batchStart = pending.get(first).number();
        }
        int overflow = lines.size() + pending.size() - MAX_LINES;
        if (overflow > 0) {
            lines.remove(0, Math.min(overflow, lines.size()));
        }
        lines.addAll(pending);
        pending.clear();
        totalLines.set(nextNumber - 1);
        summary.set(summary(nextNumber - 1));
        // Last, so a listener that scrolls to the newest line finds it in the list already.
        latestBatchStart.set(batchStart);
    }

    @Override
    public void runReset(Flow flow) {
        refolding = false;
        followedOrder.set(null);
        pending.clear();
        lines.clear();
        nextNumber = 1;
        latestBatchStart.set(0);
        totalLines.set(0);
        summary.set(summary(0));
    }

    @Override
    public void rewound(Flow flow) {
        Long followed = followedOrder.get();
        runReset(flow);
        followedOrder.set(followed);
        refolding = true;
    }

    /**
     * Whether {@code line} came from the latest advance (the latest step) and should be shown
     * highlighted; never while {@link #highlightLatestProperty()} is off (the run is playing and
     * every line would be new).
     */
    public boolean isLatest(NarrationLine line) {
        return highlightLatest.get() && line.number() >= latestBatchStart.get() && latestBatchStart.get() > 0;
    }

    public BooleanProperty highlightLatestProperty() {
        return highlightLatest;
    }

    /**
     * The line count shown over the log; it says when older lines have been dropped, short enough to sit
     * beside the pane's buttons at 1024 × 768.
     */
    static String summary(long total) {
        if (total <= MAX_LINES) {
            return String.format(Locale.ROOT, "%,d events", total);
        }
        return String.format(Locale.ROOT, "last %,d of %,d", MAX_LINES, total);
    }

    public ObservableList<NarrationLine> lines() {
        return readOnlyLines;
    }

    /** The lines the log shows: {@link #lines()} without hidden chatter, only the followed order's while one is. */
    public ObservableList<NarrationLine> shownLines() {
        return shown;
    }

    /** Where the line of {@code event} (that very event, not an equal one) is in {@link #shownLines()}; -1 when not shown. */
    public int shownIndexOf(TraceEvent event) {
        for (int i = shown.size() - 1; i >= 0; i--) {
            if (shown.get(i).event() == event) {
                return i;
            }
        }
        return -1;
    }

    /** The order whose lines alone are shown; null shows every order's. */
    public ObjectProperty<Long> followedOrderProperty() {
        return followedOrder;
    }

    /** Whether registry heartbeats and cache refreshes are shown (off by default: a 100 ms heartbeat floods the log). */
    public BooleanProperty showBackgroundProperty() {
        return showBackground;
    }

    /** The number of the first line of the latest batch (0 before any). */
    public ReadOnlyLongProperty latestBatchStartProperty() {
        return latestBatchStart.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalLinesProperty() {
        return totalLines.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
