package dev.switchboard.cli;

import dev.switchboard.flow.Flow;
import dev.switchboard.run.Recording;
import dev.switchboard.run.Run;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.TraceListener;

/**
 * Plays a flow, or a recording with its commands, from start to end without a window, with
 * {@link Metrics} listening (and any extra listener, such as a trace file), and reports progress
 * while it runs.
 */
final class HeadlessRun {
    /** Looking at the clock after every event would cost more than the progress line is worth. */
    private static final long EVENTS_BETWEEN_PROGRESS_CHECKS = 1 << 16;

    private final Recording recording;
    private final Metrics metrics = new Metrics();
    private long engineEvents;

    HeadlessRun(Flow flow) {
        this(Recording.of(flow));
    }

    /** A run of a recording: its commands are applied again at their places. */
    HeadlessRun(Recording recording) {
        this.recording = recording;
    }

    /**
     * Runs until nothing is scheduled and no recorded command is left, and returns the report.
     *
     * @throws dev.switchboard.run.ReplayException if a recorded command's place is not in this run
     */
    Report run(Progress progress, TraceListener... extraListeners) {
        Run simulation = new Run(recording);
        simulation.addListener(metrics);
        for (TraceListener listener : extraListeners) {
            simulation.addListener(listener);
        }
        simulation.start();
        long total = recording.flow().orders().count();
        long untilCheck = EVENTS_BETWEEN_PROGRESS_CHECKS;
        // background events (heartbeats) go on for ever; the run ends when no work is left,
        // or where the window had played it to when it was saved
        dev.switchboard.run.Moment until = recording.playedTo();
        if (until != null) {
            simulation.runToLastCommand();
        }
        while (simulation.hasPendingEvents() && (until == null || simulation.executedEvents() < until.events())
                && simulation.step()) {
            if (--untilCheck == 0) {
                untilCheck = EVENTS_BETWEEN_PROGRESS_CHECKS;
                progress.update(metrics.ordersFinished(), total, simulation.nowMs());
            }
        }
        if (until != null) {
            simulation.runTo(until.events(), until.timeMs());
        } else if (simulation.hasPendingCommands()) {
            // a command recorded after the last event: applied at its place, or refused if the run never gets there
            simulation.runToEnd();
        }
        progress.done(metrics.ordersFinished());
        engineEvents = simulation.executedEvents();
        return metrics.report();
    }

    /** Engine events the last run executed (each may emit several trace events). */
    long engineEvents() {
        return engineEvents;
    }
}
