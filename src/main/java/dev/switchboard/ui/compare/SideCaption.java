package dev.switchboard.ui.compare;

import dev.switchboard.trace.Background;
import dev.switchboard.trace.Narrator;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

/**
 * One side's caption in compare presenter mode: the narration's sentence about the latest event of
 * that side (background chatter left out), with its virtual time, in the words of the main window's
 * caption. It keeps the event only and writes the sentence when asked, so a side that runs thousands
 * of events a second pays for one sentence a refresh.
 */
final class SideCaption implements TraceListener {
    private static final Narrator NARRATOR = new Narrator();

    private TraceEvent latest;
    private TraceEvent written;
    private String text = "";

    @Override
    public void onEvent(TraceEvent event) {
        if (!(event instanceof Background)) {
            latest = event;
        }
    }

    /** Forgets the run (a restart, or both sides folded again to show another moment). */
    void clear() {
        latest = null;
    }

    /** The caption as of the latest event seen: "12.345 s  Order #17 waits …", or empty before any event. */
    String text() {
        if (latest != written) {
            written = latest;
            text = latest == null ? "" : Narrator.seconds(latest.timeMs()) + "  " + NARRATOR.narrate(latest);
        }
        return text;
    }
}
