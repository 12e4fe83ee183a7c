package dev.switchboard.ui;

import dev.switchboard.flow.Flow;
import dev.switchboard.system.Simulation;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Owns the simulation of the current flow and plays it: play and pause, step one event, reset,
 * the speed factor, the virtual clock and the commands a user sends in. The window's animation
 * pulse calls {@link #onPulse(double)}; tests call {@link #advanceBy(double)} or {@link #step()}
 * to move the clock by exact amounts. The engine runs on the calling (FX) thread and never on its own.
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
    /** Engine events one "step this order" may run before it gives up (a run with endless arrivals). */
    static final long MAX_EVENTS_PER_ORDER_STEP = 1_000_000;

    private Simulation simulation;
    private long dispatched;
    private long watchedOrder = -1;
    private boolean watchedOrderSeen;
    private final java.util.Set<Long> finishedOrders = new java.util.HashSet<>();

    public PlaybackViewModel() {
        playing.addListener((obs, was, now) -> {
            if (now && simulation != null && isIdle()) {
                // Playing an idle run would only move an empty clock; say so instead.
                playing.set(false);
                finish();
            }
        });
    }

    /** Adds a reader of every run from now on; it hears the next reset and every event after it. */
    public void addListener(RunListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Replaces the current run by a fresh, paused run of {@code newFlow} at t = 0. */
    public void load(Flow newFlow) {
        Objects.requireNonNull(newFlow, "newFlow");
        playing.set(false);
        finished.set(false);
        for (RunListener listener : listeners) {
            listener.runReset(newFlow);
        }
        finishedOrders.clear();
        Simulation next = new Simulation(newFlow);
        next.addListener(this::dispatch);
        simulation = next;
        flow.set(newFlow);
        arrivalRatePerSecond.set(0.0);
        showStatus("");
        next.start();
        afterAdvance();
    }

    /** A new run of the same flow with the same seed: the same orders happen at the same times again. */
    public void reset() {
        load(requireFlow());
    }

    public void togglePlay() {
        playing.set(!playing.get());
    }

    /**
     * Runs the next engine event that someone can see, and shows the clock at its time; false (and
     * "run finished") when none is left. An engine event that emits nothing (a call's timeout timer
     * after its reply came) runs in the same step, since a step that shows nothing would only
     * puzzle a student.
     */
    public boolean step() {
        requireFlow();
        playing.set(false);
        long before = dispatched;
        boolean ran = false;
        // background events (registry heartbeats) alone do not make a run worth stepping on
        while (dispatched == before && simulation.hasPendingEvents() && simulation.step()) {
            ran = true;
        }
        if (!ran) {
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
            for (long n = 0; !watchedOrderSeen && n < MAX_EVENTS_PER_ORDER_STEP
                    && simulation.hasPendingEvents() && simulation.step(); n++) {
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
                    + " engine events.");
        }
        finished.set(isIdle());
        afterAdvance();
        return watchedOrderSeen;
    }

    /** Called on every animation pulse with the wall time since the last one; moves the clock only while playing. */
    public void onPulse(double wallElapsedMs) {
        if (!playing.get() || simulation == null) {
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
        simulation.runUntil(simulation.nowMs() + virtualMs);
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
     * Builds a command and applies it at the current virtual time. A value the command refuses
     * (its constructor throws) or the engine refuses shows its message in the status text instead
     * of escaping as an exception; returns whether the command was applied.
     */
    public boolean submit(Supplier<? extends Command> command) {
        requireFlow();
        Command built;
        try {
            built = command.get();
            simulation.apply(built);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            showProblem(refused.getMessage());
            return false;
        }
        showStatus(built.describe() + ".");
        if (!isIdle()) {
            finished.set(false);
        }
        afterAdvance();
        return true;
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

    /** Whether the run has nothing left to happen. */
    public boolean isIdle() {
        return simulation == null || !simulation.hasPendingEvents();
    }

    /** The text of the clock, e.g. {@code t = 12.345 s}. */
    public static String clockText(double nowMs) {
        return "t = " + Narrator.seconds(nowMs);
    }

    private void dispatch(TraceEvent event) {
        dispatched++;
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
        for (RunListener listener : listeners) {
            listener.onEvent(event);
        }
    }

    private void afterAdvance() {
        double now = simulation.nowMs();
        nowMs.set(now);
        clockText.set(clockText(now));
        for (RunListener listener : listeners) {
            listener.advanced(now);
        }
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
        return simulation == null ? 0 : simulation.executedEvents();
    }
}
