package dev.switchboard.ui;

import dev.switchboard.trace.Narrator;
import dev.switchboard.trace.TraceEvent;

/** One line of the narration log: its number in the run, the event and the sentence about it. */
public record NarrationLine(long number, TraceEvent event, String sentence) {

    /** The line as the log shows it, e.g. {@code 1.250 s  Order #3 waits in the kitchen queue ...}. */
    public String text() {
        return Narrator.seconds(event.timeMs()) + "  " + sentence;
    }

    @Override
    public String toString() {
        return text();
    }
}
