package dev.switchboard.ui;

import dev.switchboard.trace.Narrator;
import dev.switchboard.trace.TraceEvent;

import java.util.Objects;

/**
 * One line of the narration log: its number in the run, the event and the sentence about it. The
 * sentence is written when the line is first shown, not when the event happens, so replaying a long
 * run into the log (going back in time) costs no sentences for the lines nobody sees.
 */
public final class NarrationLine {
    private static final Narrator NARRATOR = new Narrator();

    private final long number;
    private final TraceEvent event;
    private String sentence;

    /** A line whose sentence the narrator writes when it is first read. */
    public NarrationLine(long number, TraceEvent event) {
        this.number = number;
        this.event = Objects.requireNonNull(event, "event");
    }

    /** A line with its sentence already written. */
    public NarrationLine(long number, TraceEvent event, String sentence) {
        this(number, event);
        this.sentence = Objects.requireNonNull(sentence, "sentence");
    }

    public long number() {
        return number;
    }

    public TraceEvent event() {
        return event;
    }

    /** The narrator's sentence about the event (the narrator keeps no state, so it says the same whenever asked). */
    public String sentence() {
        if (sentence == null) {
            sentence = NARRATOR.narrate(event);
        }
        return sentence;
    }

    /** The line as the log shows it, e.g. {@code 1.250 s  Order #3 waits in the kitchen queue ...}. */
    public String text() {
        return Narrator.seconds(event.timeMs()) + "  " + sentence();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NarrationLine line && line.number == number && line.event.equals(event);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, event);
    }

    @Override
    public String toString() {
        return text();
    }
}
