package dev.switchboard.ui;

import dev.switchboard.flow.Flow;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

/**
 * A reader of the current run in the window: it gets every trace event, a call when a new run of a
 * flow begins (reset or another flow) and a call after each advance of the clock, where it can hand
 * what it collected to the screen in one batch instead of one change per event.
 */
public interface RunListener extends TraceListener {

    /** A new run of {@code flow} is about to start: forget the old one. */
    default void runReset(Flow flow) {
    }

    /**
     * The same run is about to be folded again from its start, to show another moment of it (going
     * back in time, returning to a branch): forget what was folded, but keep what the user chose to
     * look at (a followed or selected order). By default the same as {@link #runReset}.
     */
    default void rewound(Flow flow) {
        runReset(flow);
    }

    /** The clock was advanced (a pulse, a step, a command) and now reads {@code nowMs}. */
    default void advanced(double nowMs) {
    }

    /** Adapts a plain trace listener with a way to forget, such as the diagram's state. */
    static RunListener of(TraceListener listener, Runnable clear) {
        return new RunListener() {
            @Override
            public void onEvent(TraceEvent event) {
                listener.onEvent(event);
            }

            @Override
            public void runReset(Flow flow) {
                clear.run();
            }
        };
    }
}
