package dev.switchboard.run;

import dev.switchboard.flow.FaultSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A mark on a run's timeline: a command given, a step of the flow's script, or a scheduled fault
 * starting or ending, at its virtual time, with what it was in words.
 */
public record TimelineMark(double atMs, Kind kind, String text) {

    /** What put the mark there. */
    public enum Kind { COMMAND, SCRIPT, FAULT_START, FAULT_END }

    public TimelineMark {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** The marks of a recording: its commands, its flow's script and faults, in time order. */
    public static List<TimelineMark> of(Recording recording) {
        List<TimelineMark> marks = new ArrayList<>();
        for (StampedCommand c : recording.commands()) {
            marks.add(new TimelineMark(c.atMs(), Kind.COMMAND, c.command().describe()));
        }
        for (dev.switchboard.flow.ScriptCommand step : recording.flow().script()) {
            String text;
            try {
                text = dev.switchboard.trace.Commands.fromFile(step.command()).describe();
            } catch (RuntimeException refused) {
                text = step.command().command(); // a flow that opened has a valid script; this only names it
            }
            marks.add(new TimelineMark(step.atMs(), Kind.SCRIPT, "Script: " + text));
        }
        for (FaultSpec fault : recording.flow().faults()) {
            marks.add(new TimelineMark(fault.atMs(), Kind.FAULT_START, "Fault: " + fault.describe()));
            marks.add(new TimelineMark(fault.atMs() + fault.forMs(), Kind.FAULT_END, "Fault over: " + fault.describe()));
        }
        marks.sort(Comparator.comparingDouble(TimelineMark::atMs));
        return marks;
    }
}
