package dev.switchboard.run;

import dev.switchboard.flow.Flow;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One run of a recording: the engine of its flow, with the recording's commands applied again at
 * their places as the run reaches them, and new commands stamped with the place they are applied.
 * A new command given before every recorded one has been reached drops the rest: the run has forked
 * (the caller keeps the old {@link Recording} if it wants the old branch). Only one thread drives it.
 */
public final class Run {
    private final Simulation simulation;
    private final List<StampedCommand> applied = new ArrayList<>();
    private final List<StampedCommand> pending;
    private int nextPending;
    private boolean forked;

    /** A run of {@code recording}, not started; its commands are applied as the run reaches their places. */
    public Run(Recording recording) {
        Objects.requireNonNull(recording, "recording");
        this.simulation = new Simulation(recording.flow());
        this.pending = recording.commands();
    }

    /** A fresh run of {@code flow} with no commands to replay. */
    public Run(Flow flow) {
        this(Recording.of(flow));
    }

    public Flow flow() {
        return simulation.flow();
    }

    /** Adds a reader of the trace; add them all before {@link #start()}. */
    public void addListener(TraceListener listener) {
        simulation.addListener(listener);
    }

    /** Announces the flow's settings and schedules its orders and faults; a command stamped at event 0 comes next. */
    public void start() {
        simulation.start();
    }

    /**
     * Applies a command now, at (events run so far, the clock). A recorded command not reached yet
     * is dropped from this run: the run goes on as a new branch. A command the engine refuses
     * throws and is not recorded.
     */
    public StampedCommand apply(Command command) {
        Objects.requireNonNull(command, "command");
        StampedCommand stamped = new StampedCommand(simulation.executedEvents(), simulation.nowMs(), command);
        simulation.apply(command);
        if (nextPending < pending.size()) {
            nextPending = pending.size();
            forked = true;
        }
        applied.add(stamped);
        return stamped;
    }

    /**
     * Drops the recorded commands this run has not reached: it goes on as a new branch from here
     * (the other side of a comparison forks when one side is given a command in the past).
     */
    public void dropRecorded() {
        if (nextPending < pending.size()) {
            nextPending = pending.size();
            forked = true;
        }
    }

    /** Whether a new command dropped recorded commands this run had not reached. */
    public boolean hasForked() {
        return forked;
    }

    /**
     * Runs the next thing that happens: a recorded command due at this place, or else one engine
     * event. False when neither is left.
     */
    public boolean step() {
        StampedCommand due = nextPending();
        if (due != null && due.atEvent() <= simulation.executedEvents()) {
            // The command may have been given after the clock moved on past the last event: it goes in at its own time.
            runEventsTo(due);
            applyPending(due);
            return true;
        }
        return simulation.step();
    }

    /** Runs every engine event and recorded command at or before {@code timeMs}, then sets the clock there. */
    public void runUntil(double timeMs) {
        for (StampedCommand due = nextPending(); due != null && due.atMs() <= timeMs; due = nextPending()) {
            runEventsTo(due);
            applyPending(due);
        }
        simulation.runUntil(timeMs);
    }

    /**
     * Runs until {@code events} engine events have run and every recorded command stamped at or
     * before the moment {@code (events, timeMs)} is applied, and the clock reads {@code timeMs} (or
     * the time of the last event, if later). False when the run ends before that many events.
     */
    public boolean runTo(long events, double timeMs) {
        for (StampedCommand due = nextPending(); due != null && due.isAtOrBefore(events, timeMs); due = nextPending()) {
            runEventsTo(due);
            applyPending(due);
        }
        while (simulation.executedEvents() < events) {
            if (!simulation.step()) {
                return false;
            }
        }
        if (timeMs > simulation.nowMs() && !(simulation.nextEventTimeMs() <= timeMs)) {
            simulation.runUntil(timeMs);
        }
        return true;
    }

    /** Runs until every recorded command has been applied (and no further). */
    public void runToLastCommand() {
        for (StampedCommand due = nextPending(); due != null; due = nextPending()) {
            runEventsTo(due);
            applyPending(due);
        }
    }

    /**
     * Replays {@code recording} silently up to its last command, so one that does not fit its flow
     * is refused before anything is shown.
     *
     * @throws ReplayException when a command is stamped where the run never is
     */
    public static void check(Recording recording) {
        if (recording.commands().isEmpty()) {
            return; // nothing recorded that could miss its place
        }
        Run run = new Run(recording);
        run.start();
        run.runToLastCommand();
    }

    /** Runs until nothing is scheduled and no recorded command is left. */
    public void runToEnd() {
        runToLastCommand();
        simulation.runToEnd();
    }

    private void runEventsTo(StampedCommand due) {
        while (simulation.executedEvents() < due.atEvent()) {
            if (!simulation.step()) {
                throw new ReplayException("A command (" + due.command().describe() + ") is recorded after engine event "
                        + due.atEvent() + ", but this run ends after " + simulation.executedEvents() + " events.");
            }
        }
        if (simulation.nowMs() > due.atMs()) {
            throw new ReplayException("A command (" + due.command().describe() + ") is recorded at " + due.atMs()
                    + " ms after engine event " + due.atEvent() + ", but that event happens at " + simulation.nowMs()
                    + " ms.");
        }
        if (due.atMs() > simulation.nowMs()) {
            if (simulation.nextEventTimeMs() <= due.atMs()) {
                throw new ReplayException("A command (" + due.command().describe() + ") is recorded at " + due.atMs()
                        + " ms after engine event " + due.atEvent() + ", but another event comes before it, at "
                        + simulation.nextEventTimeMs() + " ms.");
            }
            simulation.runUntil(due.atMs());
        }
    }

    private void applyPending(StampedCommand due) {
        nextPending++;
        simulation.apply(due.command());
        applied.add(due);
    }

    private StampedCommand nextPending() {
        return nextPending < pending.size() ? pending.get(nextPending) : null;
    }

    /** Whether anything is left to happen: an engine event or a recorded command. */
    public boolean hasPendingEvents() {
        return simulation.hasPendingEvents() || nextPending < pending.size();
    }

    /** Whether recorded commands are still to be applied. */
    public boolean hasPendingCommands() {
        return nextPending < pending.size();
    }

    public double nowMs() {
        return simulation.nowMs();
    }

    public double nextEventTimeMs() {
        StampedCommand due = nextPending();
        double next = simulation.nextEventTimeMs();
        return due == null ? next : Math.min(next, Math.max(due.atMs(), simulation.nowMs()));
    }

    /** The moment the run is at: events run so far and the clock. */
    public Moment moment() {
        return new Moment(simulation.executedEvents(), simulation.nowMs());
    }

    /** Orders placed so far (by the flow or by commands). */
    public long placedOrders() {
        return simulation.placedOrders();
    }

    /** Engine events run so far. */
    public long executedEvents() {
        return simulation.executedEvents();
    }

    /** The recording of this run so far: its flow and the commands applied up to now. */
    public Recording applied() {
        return new Recording(simulation.flow(), applied);
    }

    /** The whole recording: the commands applied so far and the recorded ones not reached yet. */
    public Recording recording() {
        if (nextPending >= pending.size()) {
            return applied();
        }
        List<StampedCommand> all = new ArrayList<>(applied);
        all.addAll(pending.subList(nextPending, pending.size()));
        return new Recording(simulation.flow(), all);
    }

    /** Replays {@code recording} to its end with these listeners and returns the finished run. */
    public static Run replay(Recording recording, TraceListener... listeners) {
        Run run = new Run(recording);
        for (TraceListener listener : listeners) {
            run.addListener(listener);
        }
        run.start();
        run.runToEnd();
        return run;
    }
}
