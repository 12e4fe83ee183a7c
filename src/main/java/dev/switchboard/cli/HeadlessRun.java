package dev.switchboard.cli;

import dev.switchboard.flow.Flow;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.TraceListener;

/**
 * Plays a flow from start to end without a window, with {@link Metrics} listening (and any extra
 * listener, such as a trace file), and reports progress while it runs.
 */
final class HeadlessRun {
    /** Looking at the clock after every event would cost more than the progress line is worth. */
    private static final long EVENTS_BETWEEN_PROGRESS_CHECKS = 1 << 16;

    private final Flow flow;
    private final Metrics metrics = new Metrics();
    private long engineEvents;

    HeadlessRun(Flow flow) {
        this.flow = flow;
    }

    /** Runs the flow until nothing is scheduled and returns its report. */
    Report run(Progress progress, TraceListener... extraListeners) {
        Simulation simulation = new Simulation(flow);
        simulation.addListener(metrics);
        for (TraceListener listener : extraListeners) {
            simulation.addListener(listener);
        }
        simulation.start();
        long total = flow.orders().count();
        long untilCheck = EVENTS_BETWEEN_PROGRESS_CHECKS;
        // background events (heartbeats) go on for ever; the run ends when no work is left
        while (simulation.hasPendingEvents() && simulation.step()) {
            if (--untilCheck == 0) {
                untilCheck = EVENTS_BETWEEN_PROGRESS_CHECKS;
                progress.update(metrics.ordersFinished(), total, simulation.nowMs());
            }
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
