package dev.switchboard.ui;

import dev.switchboard.flow.Flow;
import dev.switchboard.run.Branch;
import dev.switchboard.run.Moment;
import dev.switchboard.run.Recording;
import dev.switchboard.run.ReplayException;
import dev.switchboard.run.Player;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.Narrator;
import dev.switchboard.trace.TraceEvent;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Owns the run of the current flow and plays it: play and pause, step one event, reset, the speed
 * factor, the virtual clock and the commands a user sends in; and goes back in time: any moment of
 * the current branch up to its newest is rebuilt by replaying the branch's recording into fresh
 * readers, and a command given in the past forks a new branch (the old one is kept in
 * {@link #branches()}). The window's animation pulse calls {@link #onPulse(double)}; tests call
 * {@link #advanceBy(double)} or {@link #step()} to move the clock by exact amounts. The engine runs
 * on the calling (FX) thread and never on its own.
 */
public final class PlaybackViewModel {
    /** Orders a burst places at once. */
    public static final int BURST_SIZE = 10;
    /**
     * A pulse longer than this (a stalled window, a debugger, a machine under load) advances the
     * clock as if it were this long, so the run never leaps ahead of what was shown.
     */
    public static final double MAX_PULSE_MS = 250;
    public static final String RUN_FINISHED = "Run finished: nothing is left to happen. Place an order or reset.";

    private final List<RunListener> listeners = new ArrayList<>();
    private List<RunListener> active = List.of();
    private final java.util.Set<RunListener> detached = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final ReadOnlyObjectWrapper<Flow> flow = new ReadOnlyObjectWrapper<>(this, "flow");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", SpeedScale.DEFAULT_SPEED);
    private final ReadOnlyDoubleWrapper nowMs = new ReadOnlyDoubleWrapper(this, "nowMs", 0);
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper(this, "clockText", clockText(0));
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyBooleanWrapper statusIsProblem = new ReadOnlyBooleanWrapper(this, "statusIsProblem", false);
    private final ReadOnlyObjectWrapper<Double> arrivalRatePerSecond =
            new ReadOnlyObjectWrapper<>(this, "arrivalRatePerSecond", 0.0);
    private final ReadOnlyDoubleWrapper newestMs = new ReadOnlyDoubleWrapper(this, "newestMs", 0);
    private final ReadOnlyBooleanWrapper inPast = new ReadOnlyBooleanWrapper(this, "inPast", false);
    private final ObservableList<Branch> branches = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Branch> currentBranch = new ReadOnlyObjectWrapper<>(this, "currentBranch");
    private final ReadOnlyObjectWrapper<Recording> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final Player player = new Player(this::resetReaders, this::dispatch);
    /** Engine events one "step this order" may run before it gives up (a run with endless arrivals). */
    static final long MAX_EVENTS_PER_ORDER_STEP = 1_000_000;

    private boolean loaded;
    private int shownRevision = -1;
    private long watchedOrder = -1;
    private boolean watchedOrderSeen;
    private final java.util.Set<Long> finishedOrders = new java.util.HashSet<>();

    public PlaybackViewModel() {
        playing.addListener((obs, was, now) -> {
            if (now && loaded && isIdle()) {
                // Playing an idle run would only move an empty clock; say so instead.
                playing.set(false);
                finish();
            }
        });
    }

    /** Adds a reader of every run from now on; it hears the next reset and every event after it. */
    public void addListener(RunListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        refreshActive();
    }

    /**
     * Adds a reader that hears nothing until {@link #setAttached attached}: a view that costs its fold
     * only while it is shown (the why-window). Attaching folds everything shown so far into it.
     */
    public void addDetachedListener(RunListener listener) {
        detached.add(listener);
        addListener(listener);
    }

    /** Starts (folding the history shown so far into it) or stops feeding a reader added detached. */
    public void setAttached(RunListener listener, boolean attached) {
        if (!listeners.contains(listener)) {
            throw new IllegalArgumentException("not a reader of this playback: " + listener);
        }
        if (!attached) {
            detached.add(listener);
            refreshActive();
            return;
        }
        if (!detached.remove(listener)) {
            return;
        }
        refreshActive();
        if (!loaded) {
            return;
        }
        listener.runReset(player.flow());
        dev.switchboard.run.TraceLog log = player.log();
        for (int i = 0, n = player.shownEvents(); i < n; i++) {
            listener.onEvent(log.event(i));
        }
        listener.advanced(player.nowMs());
    }

    /** Replaces the current run by a fresh, paused run of {@code newFlow} at t = 0; its branches are forgotten. */
    public void load(Flow newFlow) {
        Objects.requireNonNull(newFlow, "newFlow");
        load(Recording.of(newFlow), Moment.START);
    }

    /**
     * Replaces the current run by {@code recorded} (a saved run, say), played to {@code playTo} or
     * to its last command if that comes later: every recorded command is applied again at its
     * place. The branches of the run before are forgotten.
     *
     * @throws ReplayException when the recording does not fit its flow; nothing changes then
     */
    public void load(Recording recorded, Moment playTo) {
        Objects.requireNonNull(recorded, "recorded");
        playing.set(false);
        finished.set(false);
        player.load(recorded, playTo);
        loaded = true;
        flow.set(recorded.flow());
        showStatus("");
        afterAdvance();
    }

    /**
     * Starts the flow again from t = 0 with its own settings, as a new branch: the run so far stays
     * in the branch list, so a reset can be undone by choosing it there.
     */
    public void reset() {
        requireFlow();
        playing.set(false);
        finished.set(false);
        if (player.branches().size() == 1 && player.newest().events() == 0
                && player.branchRecording().commands().isEmpty()) {
            load(requireFlow());
            return;
        }
        int before = player.currentBranch().number();
        player.reset();
        afterAdvance();
        showStatus("Reset to t = 0 as branch " + player.currentBranch().number() + "; the run before is kept as branch "
                + before + " (Branch list under the diagram).");
    }

    private void resetReaders(Flow newFlow, boolean rewinding) {
        finishedOrders.clear();
        arrivalRatePerSecond.set(0.0);
        for (RunListener listener : listeners) {
            if (detached.contains(listener)) {
                continue;
            }
            if (rewinding) {
                listener.rewound(newFlow);
            } else {
                listener.runReset(newFlow);
            }
        }
    }

    public void togglePlay() {
        playing.set(!playing.get());
    }

    /**
     * Shows the next engine event that someone can see, and the clock at its time; false (and "run
     * finished") when none is left. An engine event that emits nothing (a call's timeout timer after
     * its reply came) runs in the same step, since a step that shows nothing would only puzzle a
     * student. In the past, the step comes from the branch's history.
     */
    public boolean step() {
        requireFlow();
        playing.set(false);
        if (!player.step()) {
            finish();
            return false;
        }
        finished.set(false);
        afterAdvance();
        return true;
    }

    /**
     * Runs engine events until the next trace event about order {@code orderId} (its next step on
     * its way to the customer) and shows the clock there; the other orders' events in between run
     * too but are not stopped at. False, with a message in the status bar, when the order has
     * already finished or nothing is left to happen.
     */
    public boolean stepOrder(long orderId) {
        requireFlow();
        playing.set(false);
        if (finishedOrders.contains(orderId)) {
            showStatus("Order #" + orderId + " has finished; it has nothing more to step.");
            return false;
        }
        watchedOrder = orderId;
        watchedOrderSeen = false;
        boolean ran = false;
        try {
            for (long n = 0; !watchedOrderSeen && n < MAX_EVENTS_PER_ORDER_STEP && player.step(); n++) {
                ran = true;
            }
        } finally {
            watchedOrder = -1;
        }
        if (!ran) {
            finish();
            return false;
        }
        if (!watchedOrderSeen) {
            showStatus("Order #" + orderId + " had nothing more happen in " + MAX_EVENTS_PER_ORDER_STEP
                    + " steps.");
        }
        finished.set(isIdle());
        afterAdvance();
        return watchedOrderSeen;
    }

    /** Called on every animation pulse with the wall time since the last one; moves the clock only while playing. */
    public void onPulse(double wallElapsedMs) {
        if (!playing.get() || !loaded) {
            return;
        }
        double wallMs = Math.max(0, Math.min(MAX_PULSE_MS, wallElapsedMs));
        advanceBy(speed.get() * wallMs);
        if (isIdle()) {
            playing.set(false);
            finish();
        }
    }

    /** Runs every event in the next {@code virtualMs} of virtual time and moves the clock there. */
    public void advanceBy(double virtualMs) {
        requireFlow();
        if (!(virtualMs >= 0) || Double.isInfinite(virtualMs)) {
            throw new IllegalArgumentException("the clock moves forward by a finite amount, not " + virtualMs);
        }
        player.runUntil(player.nowMs() + virtualMs);
        afterAdvance();
    }

    /** Places one order now. */
    public boolean placeOrder() {
        return submit(() -> new Command.PlaceOrders(1));
    }

    /** Places {@link #BURST_SIZE} orders at once. */
    public boolean placeBurst() {
        return submit(() -> new Command.PlaceOrders(BURST_SIZE));
    }

    /** Starts, changes or (with 0) stops automatic arrivals. */
    public boolean setArrivalRate(double ratePerSecond) {
        return submit(() -> new Command.SetArrivalRate(ratePerSecond));
    }

    /**
     * Builds a command and applies it at the moment shown. A value the command refuses (its
     * constructor throws) or the engine refuses shows its message in the status text instead of
     * escaping as an exception; returns whether the command was applied. Given in the past, the
     * command starts a new branch there and the old branch is kept.
     */
    public boolean submit(Supplier<? extends Command> command) {
        requireFlow();
        Command built;
        int branchBefore = player.currentBranch().number();
        try {
            built = command.get();
            player.apply(built);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            showProblem(refused.getMessage());
            return false;
        }
        if (player.lastApplyForked()) {
            showStatus(built.describe() + ". A new branch (" + player.currentBranch().number() + ") starts here, at "
                    + clockText(player.nowMs()) + "; branch " + branchBefore + " is kept as it was.");
        } else {
            showStatus(built.describe() + ".");
        }
        if (!isIdle()) {
            finished.set(false);
        }
        afterAdvance();
        return true;
    }

    /**
     * Shows the moment at {@code timeMs} of the current branch (0 to its newest moment): the whole
     * window as it was then, folded from the branch's history without running the engine.
     */
    public void seekTo(double timeMs) {
        requireFlow();
        playing.set(false);
        player.seekTo(timeMs);
        backFromTheEnd();
        afterAdvance();
    }

    /** Goes back one step: the window as it was before the last step shown. False at the start. */
    public boolean stepBack() {
        requireFlow();
        playing.set(false);
        if (!player.stepBack()) {
            showStatus("This is the start of the run; there is nothing before it.");
            return false;
        }
        backFromTheEnd();
        afterAdvance();
        return true;
    }

    /** Shows the start of the run (t = 0). */
    public void jumpToStart() {
        requireFlow();
        playing.set(false);
        player.jumpToStart();
        backFromTheEnd();
        afterAdvance();
    }

    /** Back from the end of the run: it is not finished here, and the status bar no longer says so. */
    private void backFromTheEnd() {
        finished.set(false);
        if (RUN_FINISHED.equals(statusText.get())) {
            showStatus("");
        }
    }

    /** Shows the newest moment the current branch has reached. */
    public void jumpToNewest() {
        requireFlow();
        playing.set(false);
        player.jumpToNewest();
        afterAdvance();
    }

    /** Returns to a branch of the branch list, at the newest moment it reached. */
    public void selectBranch(Branch branch) {
        requireFlow();
        Objects.requireNonNull(branch, "branch");
        if (branch.number() == player.currentBranch().number()) {
            return;
        }
        playing.set(false);
        finished.set(false);
        player.selectBranch(branch.number());
        afterAdvance();
        showStatus("Branch " + branch.number() + " at its newest moment, " + clockText(player.nowMs()) + ".");
    }

    /** The newest moment's time on the current branch: the timeline's end. */
    public ReadOnlyDoubleProperty newestMsProperty() {
        return newestMs.getReadOnlyProperty();
    }

    /** Whether the window shows a moment before the branch's newest (a change now forks). */
    public ReadOnlyBooleanProperty inPastProperty() {
        return inPast.getReadOnlyProperty();
    }

    public boolean isInPast() {
        return inPast.get();
    }

    /** The branches of this flow's run, in the order they were made. */
    public ObservableList<Branch> branches() {
        return FXCollections.unmodifiableObservableList(branches);
    }

    public ReadOnlyObjectProperty<Branch> currentBranchProperty() {
        return currentBranch.getReadOnlyProperty();
    }

    /** The current branch's recording: its flow and every command applied or still to be replayed. */
    public ReadOnlyObjectProperty<Recording> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public Recording getRecording() {
        return loaded ? player.branchRecording() : null;
    }

    /** The newest moment the current branch has reached. */
    public Moment newestMoment() {
        return loaded ? player.newest() : Moment.START;
    }

    /** The moment shown. */
    public Moment moment() {
        return loaded ? player.moment() : Moment.START;
    }

    /** The trace of the current branch as far as it has been played, for a reader opened late. */
    public dev.switchboard.run.TraceLog history() {
        return player.log();
    }

    /** Trace events shown: the prefix of {@link #history()} the readers have folded. */
    public int shownEvents() {
        return player.shownEvents();
    }

    /** Refuses a value before it becomes a command: shows why, in the user's words, and returns false. */
    public boolean refuse(String message) {
        showProblem(message);
        return false;
    }

    /** Shows {@code message} in the status bar. */
    public void showStatus(String message) {
        statusText.set(message == null ? "" : message);
        statusIsProblem.set(false);
    }

    /** Shows what went wrong (a refused value, a file that could not be opened), marked as a problem. */
    public void showProblem(String message) {
        statusText.set(message == null ? "" : message);
        statusIsProblem.set(true);
    }

    /** Whether the status text reports something that was refused or failed. */
    public ReadOnlyBooleanProperty statusIsProblemProperty() {
        return statusIsProblem.getReadOnlyProperty();
    }

    /** Whether the run has nothing left to happen after the moment shown. */
    public boolean isIdle() {
        return !loaded || player.isIdle();
    }

    /** The text of the clock, e.g. {@code t = 12.345 s}. */
    public static String clockText(double nowMs) {
        return "t = " + Narrator.seconds(nowMs);
    }

    private void dispatch(TraceEvent event) {
        if (event instanceof TraceEvent.OrderFinished done) {
            finishedOrders.add(done.orderId());
        }
        // The rate the engine runs, whoever set it: the slider, a beat or a typed command.
        if (event instanceof TraceEvent.CommandApplied applied
                && applied.command() instanceof Command.SetArrivalRate rate) {
            arrivalRatePerSecond.set(rate.ratePerSecond());
        }
        if (watchedOrder >= 0 && EventOrders.orderOf(event).orElse(-1) == watchedOrder) {
            watchedOrderSeen = true;
        }
        for (RunListener listener : attachedListeners()) {
            listener.onEvent(event);
        }
    }

    private void afterAdvance() {
        double now = player.nowMs();
        // The recording and the branch list change when a command is given or a branch made or chosen,
        // not on every pulse as the run plays on.
        if (player.revision() != shownRevision) {
            shownRevision = player.revision();
            recording.set(player.branchRecording());
            branches.setAll(player.branches());
            int number = player.currentBranch().number();
            currentBranch.set(branches.stream().filter(b -> b.number() == number).findFirst().orElseThrow());
        }
        newestMs.set(player.newest().timeMs());
        inPast.set(player.isInPast());
        nowMs.set(now);
        clockText.set(clockText(now));
        for (RunListener listener : attachedListeners()) {
            listener.advanced(now);
        }
    }

    private List<RunListener> attachedListeners() {
        return active;
    }

    private void refreshActive() {
        List<RunListener> attached = new ArrayList<>(listeners);
        attached.removeAll(detached);
        active = attached;
    }

    private void finish() {
        finished.set(true);
        showStatus(RUN_FINISHED);
    }

    private Flow requireFlow() {
        Flow current = flow.get();
        if (current == null) {
            throw new IllegalStateException("no flow is loaded yet");
        }
        return current;
    }

    public ReadOnlyObjectProperty<Flow> flowProperty() {
        return flow.getReadOnlyProperty();
    }

    public Flow getFlow() {
        return flow.get();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public boolean isFinished() {
        return finished.get();
    }

    /** The speed factor: virtual milliseconds per wall millisecond. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public double getSpeed() {
        return speed.get();
    }

    public void setSpeed(double factor) {
        speed.set(Math.max(SpeedScale.MIN_SPEED, Math.min(SpeedScale.MAX_SPEED, factor)));
    }

    public ReadOnlyDoubleProperty nowMsProperty() {
        return nowMs.getReadOnlyProperty();
    }

    public double getNowMs() {
        return nowMs.get();
    }

    public ReadOnlyStringProperty clockTextProperty() {
        return clockText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Double> arrivalRatePerSecondProperty() {
        return arrivalRatePerSecond.getReadOnlyProperty();
    }

    /** Events the current run has executed so far (for tests and the status bar). */
    public long executedEvents() {
        return loaded ? player.moment().events() : 0;
    }
}
