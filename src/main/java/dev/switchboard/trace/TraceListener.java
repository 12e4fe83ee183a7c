package dev.switchboard.trace;

/** Receives every trace event of a run, in order, on the thread that runs the simulation. */
@FunctionalInterface
public interface TraceListener {
    void onEvent(TraceEvent event);

    TraceListener NONE = event -> { };
}
