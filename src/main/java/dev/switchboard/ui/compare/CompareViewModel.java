package dev.switchboard.ui.compare;

import dev.switchboard.compare.CompareBranch;
import dev.switchboard.compare.CompareBranches;
import dev.switchboard.compare.Comparison;
import dev.switchboard.compare.FigureTable;
import dev.switchboard.compare.Preset;
import dev.switchboard.compare.Presets;
import dev.switchboard.compare.Side;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.FlowWriter;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.sweep.FlowVariants;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.CustomerGauge;
import dev.switchboard.trace.Numbers;
import dev.switchboard.trace.TraceListener;
import dev.switchboard.trace.spans.OrderTimeline;
import dev.switchboard.trace.spans.RecentOrders;
import dev.switchboard.ui.diagram.DiagramState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compare mode's state: one {@link Comparison} of the main window's flow under a preset, on one
 * virtual clock that the window's animation pulse advances (or a test, explicitly), the commands the
 * window sends to one side or both at the same virtual time, a diagram fold and a customer gauge per
 * side, the figure table (refreshed a few times a second, not every frame) and the verdict. It never
 * touches a control; everything it shows is a read-only property.
 */
public final class CompareViewModel {
    /** How far Step (Page Down, Right) moves both sides, in virtual ms. */
    public static final double STEP_MS = 250;
    /** A slow pulse counts as at most this much wall time: the main window's rule. */
    public static final double MAX_PULSE_MS = dev.switchboard.ui.PlaybackViewModel.MAX_PULSE_MS;
    /** How often the figure table is refreshed while playing, in wall ms. */
    public static final double FIGURE_REFRESH_MS = 250;
    /** Orders in a burst (Shift+B): the main window's burst. */
    public static final int BURST_SIZE = dev.switchboard.ui.PlaybackViewModel.BURST_SIZE;

    private final Flow baseFlow;
    private final FlowVariants variants;
    private final Map<Side, DiagramState> diagrams = new EnumMap<>(Side.class);
    private final Map<Side, ReadOnlyObjectWrapper<CustomerGauge>> gauges = new EnumMap<>(Side.class);
    private final Map<Side, List<TraceListener>> extraListeners = new EnumMap<>(Side.class);
    private final Map<Side, ReadOnlyStringWrapper> labels = new EnumMap<>(Side.class);
    private final Map<Side, ReadOnlyStringWrapper> orderStatuses = new EnumMap<>(Side.class);
    private final Map<Side, ObservableList<String>> orderHistories = new EnumMap<>(Side.class);
    private final Map<Side, SideCaption> captions = new EnumMap<>(Side.class);
    private final Map<Side, SideSettings> settings = new EnumMap<>(Side.class);
    private final Map<Side, RecentOrders> spans = new EnumMap<>(Side.class);
    private final javafx.beans.property.ReadOnlyLongWrapper followedRevision =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "followedRevision", 0);
    private final Map<Side, ReadOnlyStringWrapper> captionTexts = new EnumMap<>(Side.class);
    private final ReadOnlyStringWrapper divergence = new ReadOnlyStringWrapper(this, "divergence", "");
    private final CompareBranches branchHistory = new CompareBranches();
    private final ObservableList<CompareBranch> branches = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CompareBranch> currentBranch = new ReadOnlyObjectWrapper<>(this, "currentBranch");

    private final ObservableList<Preset> presets = FXCollections.observableArrayList(Presets.all());
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyDoubleWrapper nowMs = new ReadOnlyDoubleWrapper(this, "nowMs", 0);
    private final ReadOnlyDoubleWrapper newestMs = new ReadOnlyDoubleWrapper(this, "newestMs", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final ObservableList<FigureTable.Row> figureRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusIsProblem = new ReadOnlyBooleanWrapper(this, "statusIsProblem", false);
    private final ObjectProperty<Long> selectedOrder = new SimpleObjectProperty<>(this, "selectedOrder");
    private final BooleanProperty presenterMode = new SimpleBooleanProperty(this, "presenterMode", false);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final DoubleProperty kitchenSlowdown = new SimpleDoubleProperty(this, "kitchenSlowdown", 1);
    private final DoubleProperty orderKitchenLatencyMs = new SimpleDoubleProperty(this, "orderKitchenLatencyMs", 0);
    private final DoubleProperty kitchenWorkers = new SimpleDoubleProperty(this, "kitchenWorkers", 1);
    private double sinceFiguresMs;
    /** Whether the status says both sides are shown as they were: it must not stay once they are at the newest again. */
    private boolean showingPast;

    /** Compares {@code flow} (the main window's) under the default preset, paused at t = 0. */
    public CompareViewModel(Flow flow) {
        this.baseFlow = Objects.requireNonNull(flow, "flow");
        String json = FlowWriter.write(flow);
        this.variants = overrides -> FlowLoader.parse(json, flow.name(), overrides);
        for (Side side : Side.values()) {
            diagrams.put(side, new DiagramState());
            gauges.put(side, new ReadOnlyObjectWrapper<>(this, side.key() + "Gauge", new CustomerGauge()));
            extraListeners.put(side, new ArrayList<>());
            labels.put(side, new ReadOnlyStringWrapper(this, side.key() + "Label", ""));
            orderStatuses.put(side, new ReadOnlyStringWrapper(this, side.key() + "OrderStatus", ""));
            orderHistories.put(side, FXCollections.observableArrayList());
            captions.put(side, new SideCaption());
            settings.put(side, new SideSettings());
            spans.put(side, new RecentOrders());
            captionTexts.put(side, new ReadOnlyStringWrapper(this, side.key() + "Caption", ""));
        }
        selectedOrder.addListener((obs, old, id) -> refreshOrderStatus());
        preset.set(Presets.defaultPreset());
        startPreset();
        preset.addListener((obs, old, chosen) -> {
            if (chosen != null && chosen != old) {
                startPreset();
            }
        });
    }

    /**
     * Starts the comparison afresh under the chosen preset, as its only branch (a preset that does
     * not fit keeps the old run).
     */
    private void startPreset() {
        Preset chosen = preset.get();
        Comparison next = fresh(chosen);
        if (next == null) {
            return;
        }
        branchHistory.begin(next);
        show(next, 0);
        say("Comparing " + chosen.name() + " on " + baseFlow.name() + ": " + chosen.description());
    }

    /**
     * Starts both sides again from t = 0 with the preset's settings; the run so far is kept as a
     * branch (the branch list returns to it).
     */
    public void restart() {
        Comparison next = fresh(preset.get());
        if (next == null) {
            return;
        }
        CompareBranch kept = branchHistory.snapshot(comparison.get(), newestMs.get());
        CompareBranch made = branchHistory.fork(kept, next, 0, "started again at t = 0");
        show(next, 0);
        say("Both sides started again at t = 0 as branch " + made.number() + "; the run before is kept as branch "
                + kept.number() + " (the branch list).");
    }

    /** The preset's comparison from t = 0, wired to this model's readers and started; null (and a problem said) when it does not fit. */
    private Comparison fresh(Preset chosen) {
        Comparison next;
        try {
            next = Comparison.load(variants, chosen, List.of(), List.of(), null);
        } catch (FlowException | IllegalArgumentException e) {
            problem("The preset " + chosen.name() + " does not fit this flow: " + e.getMessage());
            return null;
        }
        return started(next);
    }

    /** Shows {@code next} (wired and started) run to {@code toMs}, with {@code toMs} as the newest time reached. */
    private void show(Comparison next, double toMs) {
        playing.set(false);
        if (toMs > 0) {
            next.runUntil(toMs);
        }
        comparison.set(next);
        newestMs.set(toMs);
        showSettingsInForce();   // the run's start states every service's and link's settings
        nowMs.set(next.nowMs());
        boolean done = toMs > 0 && !next.hasPendingEvents();
        finished.set(done);
        if (done) {
            updateVerdict();
        } else {
            verdict.set("");
        }
        refreshFigures();
        refreshOrderStatus();
        publishBranches();
    }

    // ---- branches ----

    /** Returns to {@code chosen} at the newest moment it reached (both sides replayed there); the one left is kept. */
    public void selectBranch(CompareBranch chosen) {
        Objects.requireNonNull(chosen, "chosen");
        if (chosen.number() == branchHistory.current().number()) {
            return;
        }
        CompareBranch target = branchHistory.select(chosen.number(), comparison.get(), newestMs.get());
        show(started(target.replay()), target.newestMs());
        say("Branch " + target.number() + " at its newest moment, t = " + Numbers.clock(target.newestMs()) + ".");
    }

    private void publishBranches() {
        List<CompareBranch> all = branchHistory.all();
        if (!all.equals(branches)) {
            branches.setAll(all);
        }
        currentBranch.set(branchHistory.current());
    }

    /** Every branch of this comparison, in the order they were made (a preset change starts the list again). */
    public ObservableList<CompareBranch> branches() {
        return FXCollections.unmodifiableObservableList(branches);
    }

    public ReadOnlyObjectProperty<CompareBranch> currentBranchProperty() {
        return currentBranch.getReadOnlyProperty();
    }

    /** {@code next} wired to fresh readers and started. */
    private Comparison started(Comparison next) {
        wire(next);
        next.start();
        return next;
    }

    /** Gives each side of {@code next} fresh readers: its diagram, its gauge and the readers added from outside. */
    private void wire(Comparison next) {
        for (Side side : Side.values()) {
            DiagramState state = diagrams.get(side);
            state.clear();
            CustomerGauge gauge = new CustomerGauge();
            SideCaption caption = captions.get(side);
            caption.clear();
            settings.get(side).clear();
            spans.get(side).clear();
            next.addListener(side, state);
            next.addListener(side, spans.get(side));
            next.addListener(side, caption);
            next.addListener(side, settings.get(side));
            next.addListener(side, gauge);
            extraListeners.get(side).forEach(l -> next.addListener(side, l));
            gauges.get(side).set(gauge);
            labels.get(side).set(side == Side.LEFT ? "Left: " + next.label(side) : "Right: " + next.label(side));
        }
    }

    // ---- going back in time ----

    /**
     * Shows both sides at {@code timeMs} (0 to the newest moment reached): forward runs on, backward
     * replays both sides' commands into fresh readers up to that time. Playing on from there replays
     * the same future; a command given there makes both sides a new branch (the future is dropped).
     */
    public void seekTo(double timeMs) {
        Comparison c = comparison.get();
        double target = Math.max(0, Math.min(newestMs.get(), timeMs));
        playing.set(false);
        if (target >= c.nowMs()) {
            advanceBy(target - c.nowMs(), true);
            showSettingsInForce();
            return;
        }
        Comparison again = started(c.replayed());
        again.runUntil(target);
        comparison.set(again);
        showSettingsInForce();
        nowMs.set(again.nowMs());
        finished.set(false);
        refreshFigures();
        refreshOrderStatus();
        say("Both sides at t = " + Numbers.clock(target) + ", as they were (newest " + Numbers.clock(newestMs.get())
                + "); a change here starts both sides on a new branch.");
        showingPast = true;
    }

    /**
     * The sliders show the settings in force at the moment shown, as the left side's engine last stated
     * them (both sides share them unless a slider was set on one side only).
     */
    private void showSettingsInForce() {
        SideSettings left = settings.get(Side.LEFT);
        if (left.kitchen() != null) {
            kitchenSlowdown.set(left.kitchen().slowdown());
            kitchenWorkers.set(left.kitchen().workers());
        }
        if (left.orderKitchen() != null) {
            orderKitchenLatencyMs.set(left.orderKitchen().latencyMs().meanMs());
        }
    }

    /** Both sides back by {@link #STEP_MS} (Left, Page Up). */
    public void stepBack() {
        seekTo(Math.max(0, comparison.get().nowMs() - STEP_MS));
    }

    /** The newest virtual time both sides have reached: the timeline's end. */
    public ReadOnlyDoubleProperty newestMsProperty() {
        return newestMs.getReadOnlyProperty();
    }

    /**
     * Adds a reader of one side's trace that stays through restarts (the comparison is built again
     * then, and the reader sees the new run from its start).
     */
    public void addSideListener(Side side, TraceListener listener) {
        extraListeners.get(side).add(Objects.requireNonNull(listener, "listener"));
        // a listener added after the start would miss events; start again so it sees the whole run
        startPreset();
    }

    // ---- the clock ----

    /** One animation pulse: moves the clock by speed × wall time while playing; refreshes the table a few times a second. */
    public void onPulse(double wallMs) {
        double wall = Math.max(0, Math.min(MAX_PULSE_MS, wallMs));
        if (playing.get()) {
            advanceBy(wall * speed.get(), false);
        }
        sinceFiguresMs += wall;
        if (sinceFiguresMs >= FIGURE_REFRESH_MS) {
            sinceFiguresMs = 0;
            refreshFigures();
            refreshOrderStatus();
        }
    }

    /** Moves both sides by {@code virtualMs} and refreshes the figures (for tests and Step). */
    public void advanceBy(double virtualMs) {
        advanceBy(virtualMs, true);
    }

    private void advanceBy(double virtualMs, boolean refresh) {
        Comparison c = comparison.get();
        if (virtualMs > 0) {
            c.runUntil(c.nowMs() + virtualMs);
            nowMs.set(c.nowMs());
            if (showingPast && c.nowMs() >= newestMs.get()) {
                say("Both sides at the newest moment again (t = " + Numbers.clock(c.nowMs()) + ").");
            }
            newestMs.set(Math.max(newestMs.get(), c.nowMs()));
        }
        if (!c.hasPendingEvents() && !finished.get()) {
            finished.set(true);
            playing.set(false);
            refresh = true;
            updateVerdict();
            say("Run finished on both sides at t = " + Numbers.clock(c.nowMs()) + ".");
        }
        if (refresh) {
            refreshFigures();
            refreshOrderStatus();
        }
    }

    /** Step: both sides by {@link #STEP_MS}. */
    public void step() {
        advanceBy(STEP_MS);
    }

    public void togglePlay() {
        if (finished.get()) {
            return;
        }
        playing.set(!playing.get());
    }

    // ---- commands ----

    public boolean placeOrder() {
        return send(CompareTarget.BOTH, () -> new Command.PlaceOrders(1), "One order placed");
    }

    public boolean placeBurst() {
        return send(CompareTarget.BOTH, () -> new Command.PlaceOrders(BURST_SIZE), BURST_SIZE + " orders placed");
    }

    /** Kitchen slowdown ×1..×10 on the target side(s). */
    public boolean setKitchenSlowdown(double factor, CompareTarget target) {
        double f = Math.round(factor * 10) / 10.0;
        boolean ok = send(target, () -> new Command.SetSlowdown(ServiceId.KITCHEN, f), "Kitchen slowdown set to " + Numbers.factor(f));
        if (ok) {
            kitchenSlowdown.set(f);
        }
        return ok;
    }

    /** The Order → Kitchen latency's mean in ms on the target side(s); its jitter stays as the flow has it. */
    public boolean setOrderKitchenLatency(double meanMs, CompareTarget target) {
        double mean = Math.max(0, Math.round(meanMs));
        LinkSpec spec = comparison.get().flow(Side.LEFT).links().get(LinkId.ORDER_KITCHEN);
        Distribution from = spec == null ? new Distribution.Fixed(0) : spec.latencyMs();
        Distribution latency = from instanceof Distribution.Uniform u
                ? new Distribution.Uniform(Math.max(0, mean - (u.maxMs() - u.minMs()) / 2), mean + (u.maxMs() - u.minMs()) / 2)
                : new Distribution.Fixed(mean);
        boolean ok = send(target, () -> new Command.SetLinkLatency(LinkId.ORDER_KITCHEN, latency),
                "Order → Kitchen latency set to " + Numbers.distribution(latency));
        if (ok) {
            orderKitchenLatencyMs.set(mean);
        }
        return ok;
    }

    /** Kitchen workers on the target side(s). */
    public boolean setKitchenWorkers(int workers, CompareTarget target) {
        boolean ok = send(target, () -> new Command.SetWorkers(ServiceId.KITCHEN, workers), "Kitchen workers set to " + workers);
        if (ok) {
            kitchenWorkers.set(workers);
        }
        return ok;
    }

    /**
     * Builds the command and applies it to the target side(s) at the clock's time; a command that
     * cannot be built (a value out of range) or that a side refuses becomes the status line's message.
     */
    private boolean send(CompareTarget target, java.util.function.Supplier<Command> build, String what) {
        Comparison c = comparison.get();
        boolean forking = c.nowMs() < newestMs.get();
        CompareBranch kept = forking ? branchHistory.snapshot(c, newestMs.get()) : null;
        try {
            Command command = build.get();
            for (Side side : target.sides()) {
                c.apply(side, command);
            }
        } catch (IllegalArgumentException refused) {
            problem(refused.getMessage());
            return false;
        }
        if (finished.get() && c.hasPendingEvents()) {
            finished.set(false);
        }
        String change = what + " on " + target.words();
        String said = change + " at t = " + Numbers.clock(c.nowMs()) + ".";
        if (forking) {
            CompareBranch made = branchHistory.fork(kept, c, c.nowMs(), change);
            newestMs.set(c.nowMs());
            publishBranches();
            said += " Both sides go on as branch " + made.number() + "; branch " + kept.number()
                    + " is kept as it was (the branch list).";
        }
        say(said);
        refreshFigures();
        return true;
    }

    // ---- what it shows ----

    /** Reads both sides' figures into the table's rows, and each side's caption (as often: a caption read once a frame would flicker). */
    public void refreshFigures() {
        figureRows.setAll(comparison.get().figures().rows());
        for (Side side : Side.values()) {
            captionTexts.get(side).set(captions.get(side).text());
        }
    }

    /** The verdict as of now, in one line. */
    public void updateVerdict() {
        verdict.set(comparison.get().verdict());
    }

    /** The followed order's spans on one side (the span projection's fold), once it is placed there. */
    public Optional<OrderTimeline> followedTimeline(Side side) {
        Long id = selectedOrder.get();
        return id == null ? Optional.empty() : spans.get(side).order(id);
    }

    /**
     * The longer of the followed order's two spans so far (placed to finished, or to now): both
     * waterfalls draw on this one scale, so the side that took longer has the longer bars.
     */
    public double followedSpanMs() {
        double longest = 0;
        for (Side side : Side.values()) {
            Optional<OrderTimeline> t = followedTimeline(side);
            if (t.isPresent()) {
                double end = Double.isNaN(t.get().finishedAtMs()) ? getNowMs() : t.get().finishedAtMs();
                longest = Math.max(longest, end - t.get().placedAtMs());
            }
        }
        return longest;
    }

    /** Counts up whenever the followed order's histories and waterfalls may have changed. */
    public javafx.beans.property.ReadOnlyLongProperty followedRevisionProperty() {
        return followedRevision.getReadOnlyProperty();
    }

    private void refreshOrderStatus() {
        Long id = selectedOrder.get();
        for (Side side : Side.values()) {
            String text = "";
            if (id != null) {
                OrderStatus s = diagrams.get(side).statusOf(id);
                text = "#" + id + " " + (s == null ? "not placed yet" : s.label());
            }
            orderStatuses.get(side).set(text);
        }
        refreshOrderHistories(id);
    }

    /** The followed order's two histories side by side, and where they first part. */
    private void refreshOrderHistories(Long id) {
        if (id == null) {
            orderHistories.values().forEach(List::clear);
            divergence.set("Follow an order to see its two histories side by side.");
            followedRevision.set(followedRevision.get() + 1);
            return;
        }
        var left = diagrams.get(Side.LEFT).historyOf(id);
        var right = diagrams.get(Side.RIGHT).historyOf(id);
        int parted = OrderDivergence.firstDifference(left, right);
        for (Side side : Side.values()) {
            var history = side == Side.LEFT ? left : right;
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < history.size(); i++) {
                lines.add(OrderDivergence.line(history.get(i), i == parted));
            }
            if (!lines.equals(orderHistories.get(side))) {
                orderHistories.get(side).setAll(lines);
            }
        }
        divergence.set(OrderDivergence.describe(id, left, right));
        followedRevision.set(followedRevision.get() + 1);
    }

    /** The followed order's status changes on one side, as lines; the first that differs from the other side is marked. */
    public ObservableList<String> orderHistory(Side side) {
        return FXCollections.unmodifiableObservableList(orderHistories.get(side));
    }

    /** Where the followed order's two runs first part, in words. */
    public ReadOnlyStringProperty divergenceProperty() {
        return divergence.getReadOnlyProperty();
    }

    private void say(String text) {
        status.set(text);
        statusIsProblem.set(false);
        showingPast = false;
    }

    private void problem(String text) {
        status.set(text);
        statusIsProblem.set(true);
    }

    // ---- properties ----

    public Flow baseFlow() {
        return baseFlow;
    }

    public Comparison comparison() {
        return comparison.get();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public DiagramState diagram(Side side) {
        return diagrams.get(side);
    }

    public ReadOnlyObjectProperty<CustomerGauge> gaugeProperty(Side side) {
        return gauges.get(side).getReadOnlyProperty();
    }

    /** One side's caption: the narration's sentence about its latest event, with its virtual time. */
    public ReadOnlyStringProperty captionProperty(Side side) {
        return captionTexts.get(side).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty labelProperty(Side side) {
        return labels.get(side).getReadOnlyProperty();
    }

    /** The selected order's status on that side ("#3 preparing"), empty when none is selected. */
    public ReadOnlyStringProperty orderStatusProperty(Side side) {
        return orderStatuses.get(side).getReadOnlyProperty();
    }

    public ObservableList<Preset> presets() {
        return presets;
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public ReadOnlyDoubleProperty nowMsProperty() {
        return nowMs.getReadOnlyProperty();
    }

    public double getNowMs() {
        return nowMs.get();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The figure table's rows as of the last refresh. */
    public ObservableList<FigureTable.Row> figureRows() {
        return FXCollections.unmodifiableObservableList(figureRows);
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The last thing done: which side(s) a change went to, or why it was refused. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsProblemProperty() {
        return statusIsProblem.getReadOnlyProperty();
    }

    public ObjectProperty<Long> selectedOrderProperty() {
        return selectedOrder;
    }

    public BooleanProperty presenterModeProperty() {
        return presenterMode;
    }

    /** Follows the main window's theme. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** The last kitchen slowdown sent (the slider shows it). */
    public ReadOnlyDoubleProperty kitchenSlowdownProperty() {
        return kitchenSlowdown;
    }

    public ReadOnlyDoubleProperty orderKitchenLatencyMsProperty() {
        return orderKitchenLatencyMs;
    }

    public ReadOnlyDoubleProperty kitchenWorkersProperty() {
        return kitchenWorkers;
    }
}
