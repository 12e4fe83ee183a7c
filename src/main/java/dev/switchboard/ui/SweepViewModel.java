package dev.switchboard.ui;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowOverride;
import dev.switchboard.sweep.Figure;
import dev.switchboard.sweep.FlowVariants;
import dev.switchboard.sweep.PointResult;
import dev.switchboard.sweep.Sweep;
import dev.switchboard.sweep.SweepAxis;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The Sweep dialog's state, without controls: one or two settings of the current flow to vary
 * (each a path, a value template and the values typed), the seeds and orders per point, the figure
 * to plot, and a sweep running on a background thread whose progress and results come back through
 * {@code uiThread}. "Open this point" hands a point's flow to {@code openPoint}.
 */
public final class SweepViewModel {
    public static final int DEFAULT_SEEDS = 5;
    public static final int DEFAULT_ORDERS = 2_000;

    private final FlowVariants variants;
    private final String sourceName;
    private final Executor uiThread;
    private final BiConsumer<Flow, String> openPoint;

    private final ObservableList<SweepSetting> settings = FXCollections.observableArrayList(SweepSetting.offered());
    private final ObservableList<SweepSetting> secondSettings = FXCollections.observableArrayList();
    private final ObjectProperty<SweepSetting> first = new SimpleObjectProperty<>(this, "first");
    private final StringProperty firstPath = new SimpleStringProperty(this, "firstPath", "");
    private final StringProperty firstValues = new SimpleStringProperty(this, "firstValues", "");
    private final ObjectProperty<SweepSetting> second = new SimpleObjectProperty<>(this, "second");
    private final StringProperty secondPath = new SimpleStringProperty(this, "secondPath", "");
    private final StringProperty secondValues = new SimpleStringProperty(this, "secondValues", "");
    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", DEFAULT_SEEDS);
    private final IntegerProperty orders = new SimpleIntegerProperty(this, "orders", DEFAULT_ORDERS);
    private final ObjectProperty<Figure> figure = new SimpleObjectProperty<>(this, "figure", Figure.ACCEPT_MEAN_MS);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem");
    private final ObservableList<PointResult> results = FXCollections.observableArrayList();
    private final ObjectProperty<PointResult> selectedPoint = new SimpleObjectProperty<>(this, "selectedPoint");
    private final BooleanProperty canOpenPoint = new SimpleBooleanProperty(this, "canOpenPoint");
    private final DoubleProperty threads = new SimpleDoubleProperty(this, "threads",
            Runtime.getRuntime().availableProcessors());

    /** What the last sweep varied: per axis its setting and the values as typed (the chart's labels). */
    private List<SweepSetting> sweptSettings = List.of();
    private List<List<String>> sweptValues = List.of();
    private Sweep current;

    /**
     * @param variants   loads the current flow with overrides, or null when it has no file to reload
     * @param sourceName what the flow is called in the window (a sample's name or a file's path)
     */
    public SweepViewModel(FlowVariants variants, String sourceName, Executor uiThread, BiConsumer<Flow, String> openPoint) {
        this.variants = variants;
        this.sourceName = sourceName;
        this.uiThread = uiThread;
        this.openPoint = openPoint;
        secondSettings.add(SweepSetting.none());
        secondSettings.addAll(settings);
        first.addListener((obs, old, s) -> show(s, firstPath, firstValues));
        second.addListener((obs, old, s) -> show(s, secondPath, secondValues));
        first.set(settings.get(0));
        second.set(secondSettings.stream().filter(s -> s.path().equals("links.order->kitchen.style")).findFirst()
                .orElse(secondSettings.get(0)));
        canOpenPoint.bind(selectedPoint.isNotNull().and(running.not()));
        if (variants == null) {
            fail("This flow was not opened from a file or a sample, so it cannot be swept; open a sample or a file first.");
        }
    }

    private static void show(SweepSetting setting, StringProperty path, StringProperty values) {
        path.set(setting == null || setting.isNone() ? "" : setting.path());
        values.set(setting == null ? "" : setting.suggestedValues());
    }

    /** Plans the sweep from the fields and starts it on a background thread; a bad entry only sets the status. */
    public void start() {
        if (running.get() || variants == null) {
            return;
        }
        List<SweepAxis> axes = new ArrayList<>();
        List<SweepSetting> used = new ArrayList<>();
        List<List<String>> shown = new ArrayList<>();
        try {
            addAxis(axes, used, shown, first.get(), firstPath.get(), firstValues.get());
            if (second.get() != null && !second.get().isNone()) {
                addAxis(axes, used, shown, second.get(), secondPath.get(), secondValues.get());
            }
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        Sweep sweep;
        try {
            sweep = new Sweep(variants, axes, Math.max(1, seeds.get()), Math.max(1, orders.get()));
        } catch (FlowException | IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        sweptSettings = List.copyOf(used);
        sweptValues = List.copyOf(shown);
        current = sweep;
        results.clear();
        selectedPoint.set(null);
        running.set(true);
        progress.set(0);
        problem.set(false);
        status.set(String.format(Locale.ROOT, "Running %d point(s) × %d seed(s) of %,d orders…", sweep.points().size(),
                sweep.seeds(), orders.get()));
        long startNanos = System.nanoTime();
        int threadCount = (int) Math.max(1, threads.get());
        Thread worker = new Thread(() -> {
            try {
                List<PointResult> done = sweep.run(threadCount, (d, total) -> uiThread.execute(() -> {
                    if (current == sweep) {
                        progress.set(d / (double) total);
                    }
                }));
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                uiThread.execute(() -> finished(sweep, done, seconds));
            } catch (CancellationException e) {
                uiThread.execute(() -> stopped(sweep, "Sweep cancelled."));
            } catch (InterruptedException e) {
                uiThread.execute(() -> stopped(sweep, "Sweep interrupted."));
            } catch (RuntimeException e) {
                uiThread.execute(() -> stopped(sweep, "The sweep failed: " + e));
            }
        }, "sweep-dialog");
        worker.setDaemon(true);
        worker.start();
    }

    private void addAxis(List<SweepAxis> axes, List<SweepSetting> used, List<List<String>> shown, SweepSetting setting,
                         String path, String valuesText) {
        List<String> typed = SweepAxis.values(valuesText);
        List<String> filled = typed.stream().map(setting::fill).toList();
        axes.add(new SweepAxis(FlowOverride.parsePath(path), filled));
        used.add(setting);
        shown.add(typed);
    }

    private void finished(Sweep sweep, List<PointResult> done, double seconds) {
        if (current != sweep) {
            return;
        }
        results.setAll(done);
        running.set(false);
        progress.set(1);
        status.set(String.format(Locale.ROOT, "%d point(s) × %d seed(s) in %.1f s. Bands: 95%% confidence across seeds.",
                sweep.points().size(), sweep.seeds(), seconds));
    }

    private void stopped(Sweep sweep, String message) {
        if (current != sweep) {
            return;
        }
        running.set(false);
        progress.set(0);
        status.set(message);
    }

    private void fail(String message) {
        problem.set(true);
        status.set(message);
    }

    /** Stops the running sweep; its runs end at their next check. */
    public void cancel() {
        if (current != null && running.get()) {
            current.cancel();
            status.set("Cancelling…");
        }
    }

    /** Loads the selected point's configuration into the main window. */
    public void openSelectedPoint() {
        PointResult point = selectedPoint.get();
        if (point != null && !running.get()) {
            openPoint.accept(point.point().flow(), sourceName + " with " + describe(point));
        }
    }

    /** The point in words, e.g. "Kitchen workers = 3, Order → Kitchen wiring = queue". */
    public String describe(PointResult point) {
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < sweptSettings.size(); a++) {
            parts.add(sweptSettings.get(a).label() + " = " + displayValue(point, a));
        }
        return String.join(", ", parts);
    }

    /** The value of axis {@code axis} at the point, as typed. */
    public String displayValue(PointResult point, int axis) {
        return sweptValues.get(axis).get(valueIndex(point, axis));
    }

    /** The index of the point's value on axis {@code axis} (the first axis varies slowest). */
    public int valueIndex(PointResult point, int axis) {
        int index = point.point().index();
        for (int a = sweptValues.size() - 1; a > axis; a--) {
            index /= sweptValues.get(a).size();
        }
        return index % sweptValues.get(axis).size();
    }

    public List<SweepSetting> sweptSettings() {
        return sweptSettings;
    }

    public List<List<String>> sweptValues() {
        return sweptValues;
    }

    public ObservableList<SweepSetting> settings() {
        return settings;
    }

    public ObservableList<SweepSetting> secondSettings() {
        return secondSettings;
    }

    public ObjectProperty<SweepSetting> firstProperty() {
        return first;
    }

    public StringProperty firstPathProperty() {
        return firstPath;
    }

    public StringProperty firstValuesProperty() {
        return firstValues;
    }

    public ObjectProperty<SweepSetting> secondProperty() {
        return second;
    }

    public StringProperty secondPathProperty() {
        return secondPath;
    }

    public StringProperty secondValuesProperty() {
        return secondValues;
    }

    public IntegerProperty seedsProperty() {
        return seeds;
    }

    public IntegerProperty ordersProperty() {
        return orders;
    }

    public ObjectProperty<Figure> figureProperty() {
        return figure;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<PointResult> results() {
        return results;
    }

    public ObjectProperty<PointResult> selectedPointProperty() {
        return selectedPoint;
    }

    public BooleanProperty canOpenPointProperty() {
        return canOpenPoint;
    }

    public DoubleProperty threadsProperty() {
        return threads;
    }
}
