package dev.switchboard.run;

import dev.switchboard.flow.FaultSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A mark on a run's timeline: a command given, or a scheduled fault starting or ending, at its
 * virtual time, with what it was in words.
 */
public record TimelineMark(double atMs, Kind kind, String text) {

    /** What put the mark there. */
    public enum Kind { COMMAND, FAULT_START, FAULT_END }

    public TimelineMark {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** The marks of a recording: its commands and its flow's faults, in time order. */
    public static List<TimelineMark> of(Recording recording) {
        List<TimelineMark> marks = new ArrayList<>();
        for (StampedCommand c : recording.commands()) {
            marks.add(new TimelineMark(c.atMs(), Kind.COMMAND, c.command().describe()));
        }
        for (FaultSpec fault : recording.flow().faults()) {
            marks.add(new TimelineMark(fault.atMs(), Kind.FAULT_START, "Fault: " + fault.describe()));
            marks.add(new TimelineMark(fault.atMs() + fault.forMs(), Kind.FAULT_END, "Fault over: " + fault.describe()));
        }
        marks.sort(Comparator.comparingDouble(TimelineMark::atMs));
        return marks;
    }
}
