package dev.switchboard.system;

import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.Arrays;

/** Hands every trace event to the run's listeners, in order, and counts them. */
final class TraceEmitter {
    private TraceListener[] listeners = new TraceListener[0];
    private long emitted;

    void add(TraceListener listener) {
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
    }

    void emit(TraceEvent event) {
        emitted++;
        TraceListener[] all = listeners;
        if (all.length == 1) {
            // the usual case (the metrics alone): one call site that sees one listener class
            all[0].onEvent(event);
            return;
        }
        for (TraceListener listener : all) {
            listener.onEvent(event);
        }
    }

    long emitted() {
        return emitted;
    }
}
