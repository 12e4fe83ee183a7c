package dev.switchboard.trace;

/** Receives every trace event of a run, in order, on the thread that runs the simulation. */
@FunctionalInterface
public interface TraceListener {
    void onEvent(TraceEvent event);

    /**
     * Whether it reads events of this kind. When no listener of a run reads a kind, the run does
     * not build those events at all and calls {@link #onSkipped} instead, so that a run pays only
     * for the listeners it has; when one does, every listener gets the event as usual.
     */
    default boolean reads(Class<? extends TraceEvent> kind) {
        return true;
    }

    /** An event of a kind no listener reads was emitted at {@code timeMs} (for listeners that count events). */
    default void onSkipped(double timeMs) {
    }

    TraceListener NONE = event -> { };
}
