package dev.switchboard.run;

import dev.switchboard.flow.Flow;

import java.util.List;
import java.util.Objects;

/**
 * Everything that decides a run: the flow (its seed included) and the commands applied to it in
 * the order they were applied, each at its place, and (when it was saved from a window) the moment
 * it had been played to; {@code playedTo} null means to its end. Replaying it gives the same trace,
 * event for event, in this JVM or another.
 */
public record Recording(Flow flow, List<StampedCommand> commands, Moment playedTo) {

    /** A recording to be played to its end. */
    public Recording(Flow flow, List<StampedCommand> commands) {
        this(flow, commands, null);
    }

    public Recording {
        Objects.requireNonNull(flow, "flow");
        commands = List.copyOf(commands);
        for (int i = 1; i < commands.size(); i++) {
            StampedCommand before = commands.get(i - 1);
            StampedCommand after = commands.get(i);
            if (!before.isAtOrBefore(after.atEvent(), after.atMs())) {
                throw new IllegalArgumentException("command " + (i + 1) + " (event " + after.atEvent() + ", "
                        + after.atMs() + " ms) comes before the one above it (event " + before.atEvent() + ", "
                        + before.atMs() + " ms); a recording lists its commands in the order they were applied");
            }
        }
    }

    /** A recording of the flow with no command applied yet. */
    public static Recording of(Flow flow) {
        return new Recording(flow, List.of());
    }

    /** This recording, played to {@code moment} (null: to its end). */
    public Recording playedTo(Moment moment) {
        return new Recording(flow, commands, moment);
    }
}
