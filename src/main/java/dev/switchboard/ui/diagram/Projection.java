package dev.switchboard.ui.diagram;

import dev.switchboard.trace.TraceEvent;

/** One part of what the diagram shows, folded from the trace alone and exportable as comparable data. */
interface Projection {

    /** The kinds of event it follows; it is handed only those (a source scan in a test keeps this list whole). */
    java.util.Set<Class<? extends TraceEvent>> reads();

    /** Follows one trace event; events about other parts are ignored. */
    void onEvent(TraceEvent e);

    /** Forgets what has faded or arrived before {@code nowMs} (tokens, marks); most parts keep everything. */
    default void expireBefore(double nowMs) {
    }

    /** This part's whole state as values (records, lists, maps) with value equality. */
    Object snapshot();
}
