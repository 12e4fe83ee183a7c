package dev.switchboard.system;

import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.Arrays;

/**
 * Hands every trace event to the run's listeners, in order, and counts them. For the frequent
 * kinds that the metrics do not read it says whether any listener reads them; when none does, the
 * emitting site calls {@link #skip} instead of building the event.
 */
final class TraceEmitter {
    private TraceListener[] listeners = new TraceListener[0];
    private long emitted;
    private boolean statusChangesRead;
    private boolean repliesReceivedRead;
    private boolean agentReleasesRead;

    void add(TraceListener listener) {
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
        statusChangesRead |= listener.reads(TraceEvent.OrderStatusChanged.class);
        repliesReceivedRead |= listener.reads(TraceEvent.ReplyReceived.class);
        agentReleasesRead |= listener.reads(TraceEvent.AgentReleased.class);
    }

    /** Whether a listener reads {@link TraceEvent.OrderStatusChanged}. */
    boolean readsStatusChanges() {
        return statusChangesRead;
    }

    /** Whether a listener reads {@link TraceEvent.ReplyReceived}. */
    boolean readsRepliesReceived() {
        return repliesReceivedRead;
    }

    /** Whether a listener reads {@link TraceEvent.AgentReleased}. */
    boolean readsAgentReleases() {
        return agentReleasesRead;
    }

    /** Counts an event that no listener reads, without building it. */
    void skip(double timeMs) {
        emitted++;
        TraceListener[] all = listeners;
        if (all.length == 1) {
            all[0].onSkipped(timeMs); // as in emit: one call site for the usual single listener
            return;
        }
        for (TraceListener listener : all) {
            listener.onSkipped(timeMs);
        }
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
