package dev.switchboard.ui.why;

import dev.switchboard.flow.Flow;
import dev.switchboard.spans.Arrow;
import dev.switchboard.spans.LiveFigures;
import dev.switchboard.spans.SequenceModel;
import dev.switchboard.spans.SummaryRow;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Narrator;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.spans.OrderTimeline;
import dev.switchboard.trace.spans.RecentOrders;
import dev.switchboard.ui.RunListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The why-window's view model: it reads every run of the main window (it is one of the playback's
 * listeners from the start, so opening the window late loses nothing) into the sequence model, the
 * orders' spans, a {@link Metrics} — the same class the headless runner reports from — and the live
 * figures. The clock and a revision count tell the views to redraw; chart samples and the summary
 * table are refreshed at most every {@link #CHART_UPDATE_WALL_MS} of wall time.
 */
public final class WhyViewModel implements RunListener {
    public static final double CHART_UPDATE_WALL_MS = 250;
    /** How much virtual time the charts show. */
    public static final double CHART_SPAN_MS = 60_000;
    /**
     * The charts' points are taken every so much virtual time, as the trace passes each one, so a
     * moment's charts are a fold of the trace up to it (going back in time rebuilds them exactly).
     */
    public static final double SAMPLE_EVERY_MS = CHART_SPAN_MS / 240;
    private final java.util.ArrayDeque<LiveFigures.Sample> taken = new java.util.ArrayDeque<>();
    private double nextSampleMs = SAMPLE_EVERY_MS;

    private final SequenceModel sequence = new SequenceModel();
    private final RecentOrders spans = new RecentOrders();
    private final LiveFigures figures = new LiveFigures();
    private final Narrator narrator = new Narrator();
    private final LongSupplier wallNanos;
    private Metrics metrics = new Metrics();
    private long lastChartNanos = Long.MIN_VALUE;
    private boolean changedSinceChart;

    private final ReadOnlyDoubleWrapper nowMs = new ReadOnlyDoubleWrapper(this, "nowMs", 0);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision", 0);
    private final ReadOnlyObjectWrapper<Flow> flow = new ReadOnlyObjectWrapper<>(this, "flow");
    private final ObjectProperty<Long> selectedOrder = new SimpleObjectProperty<>(this, "selectedOrder");
    private final ObjectProperty<Arrow> selectedArrow = new SimpleObjectProperty<>(this, "selectedArrow");
    private final ReadOnlyObjectWrapper<TraceEvent> selectedEvent = new ReadOnlyObjectWrapper<>(this, "selectedEvent");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final ObservableList<LiveFigures.Sample> samples = FXCollections.observableArrayList();
    private final ObservableList<SummaryRow> summary = FXCollections.observableArrayList();

    public WhyViewModel() {
        this(System::nanoTime);
    }

    /** With a wall clock of its own, so a test can say when the charts are due. */
    public WhyViewModel(LongSupplier wallNanos) {
        this.wallNanos = wallNanos;
        selectedOrder.addListener((obs, old, now) -> revision.set(revision.get() + 1));
        darkTheme.addListener((obs, old, now) -> revision.set(revision.get() + 1));
    }

    @Override
    public void onEvent(TraceEvent event) {
        takeSamplesBefore(event.timeMs());
        sequence.onEvent(event);
        spans.onEvent(event);
        metrics.onEvent(event);
        figures.onEvent(event);
        changedSinceChart = true;
    }

    @Override
    public void runReset(Flow newFlow) {
        sequence.clear();
        spans.clear();
        figures.clear();
        metrics = new Metrics();
        samples.clear();
        taken.clear();
        nextSampleMs = SAMPLE_EVERY_MS;
        summary.clear();
        selectedArrow.set(null);
        selectedEvent.set(null);
        flow.set(newFlow);
        lastChartNanos = Long.MIN_VALUE;
        changedSinceChart = true;
    }

    @Override
    public void advanced(double now) {
        nowMs.set(now);
        revision.set(revision.get() + 1);
        long wall = wallNanos.getAsLong();
        if (lastChartNanos == Long.MIN_VALUE || wall - lastChartNanos >= CHART_UPDATE_WALL_MS * 1e6) {
            refreshCharts();
        }
    }

    /** Takes a chart sample and refreshes the summary now, whatever the wall clock says. */
    public void refreshCharts() {
        lastChartNanos = wallNanos.getAsLong();
        double now = nowMs.get();
        if (!samples.isEmpty() && samples.get(samples.size() - 1).timeMs() == now && !changedSinceChart) {
            return;
        }
        changedSinceChart = false;
        // the points the trace has passed (a quiet stretch up to the clock has them too), then one at the clock
        while (nextSampleMs < now) {
            take();
        }
        List<LiveFigures.Sample> next = new ArrayList<>(taken);
        next.add(figures.sample(now));
        next.removeIf(s -> s.timeMs() < now - CHART_SPAN_MS);
        samples.setAll(next);
        summary.setAll(SummaryRow.of(metrics.report(), flow.get()));
    }

    private void takeSamplesBefore(double timeMs) {
        while (nextSampleMs <= timeMs) {
            take();
        }
    }

    private void take() {
        taken.add(figures.sample(nextSampleMs));
        nextSampleMs += SAMPLE_EVERY_MS;
        while (!taken.isEmpty() && taken.peekFirst().timeMs() < nextSampleMs - CHART_SPAN_MS - SAMPLE_EVERY_MS) {
            taken.removeFirst();
        }
    }

    /** The report as of now, exactly as the headless runner's {@link Metrics} would give it. */
    public Report report() {
        return metrics.report();
    }

    /** The narration sentence for the event that sent {@code arrow}. */
    public String narrate(Arrow arrow) {
        return narrator.narrate(arrow.event());
    }

    public SequenceModel sequence() {
        return sequence;
    }

    /** The selected order's spans, when it is selected and still kept. */
    public Optional<OrderTimeline> selectedTimeline() {
        Long id = selectedOrder.get();
        return id == null ? Optional.empty() : spans.order(id);
    }

    /**
     * The order the waterfall shows: the selected one, or while none is selected the latest delivered
     * order (the latest finished one before any is delivered), so the tab is never blank for long.
     */
    public Optional<OrderTimeline> shownTimeline() {
        Optional<OrderTimeline> selected = selectedTimeline();
        if (selected.isPresent() || selectedOrder.get() != null) {
            return selected;
        }
        OrderTimeline latestFinished = null;
        OrderTimeline latestDelivered = null;
        for (OrderTimeline t : spans.orders()) {
            if (!Double.isNaN(t.finishedAtMs())) {
                latestFinished = t;
                if (!Double.isNaN(t.deliveryLatencyMs())) {
                    latestDelivered = t;
                }
            }
        }
        return Optional.ofNullable(latestDelivered != null ? latestDelivered : latestFinished);
    }

    public RecentOrders spans() {
        return spans;
    }

    public ReadOnlyDoubleProperty nowMsProperty() {
        return nowMs.getReadOnlyProperty();
    }

    /** Goes up whenever what the views show may have changed. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Flow> flowProperty() {
        return flow.getReadOnlyProperty();
    }

    /** The order shown in the waterfall and kept by the sequence diagram's filter; the main window's selection. */
    public ObjectProperty<Long> selectedOrderProperty() {
        return selectedOrder;
    }

    public ObjectProperty<Arrow> selectedArrowProperty() {
        return selectedArrow;
    }

    /**
     * Selects {@code arrow} (null for none) as a click does, and names the trace event it was drawn from
     * in {@link #selectedEventProperty()}, set afresh on every click so that the main window selects the
     * event's narration line again even when the same arrow is clicked twice.
     */
    public void selectArrow(Arrow arrow) {
        selectedArrow.set(arrow);
        selectedEvent.set(null);
        if (arrow != null) {
            selectedEvent.set(arrow.event());
        }
    }

    /**
     * The trace event of the arrow last clicked (briefly null between two clicks); the main window selects
     * its narration line, which highlights what it concerns in the diagram.
     */
    public ReadOnlyObjectProperty<TraceEvent> selectedEventProperty() {
        return selectedEvent.getReadOnlyProperty();
    }

    /** Whether the canvases paint with the dark palette; the main window's dark theme. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** The colours the canvases paint with now. */
    Palette palette() {
        return Palette.of(darkTheme.get());
    }

    /** Chart samples over the last {@link #CHART_SPAN_MS} of virtual time, oldest first. */
    public ObservableList<LiveFigures.Sample> samples() {
        return samples;
    }

    public ObservableList<SummaryRow> summary() {
        return summary;
    }
}
