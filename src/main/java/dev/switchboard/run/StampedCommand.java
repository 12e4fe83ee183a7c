package dev.switchboard.run;

import dev.switchboard.trace.Command;

import java.util.Objects;

/**
 * A command with its place in the run: {@code atEvent} engine events had run and the clock read
 * {@code atMs} when it was applied. Both are needed: several engine events share an instant, and a
 * command given while stepping lands between two of them.
 */
public record StampedCommand(long atEvent, double atMs, Command command) {
    public StampedCommand {
        if (atEvent < 0) {
            throw new IllegalArgumentException("a command's event index is 0 or more, not " + atEvent);
        }
        if (!(atMs >= 0) || Double.isInfinite(atMs)) {
            throw new IllegalArgumentException("a command's time is a finite number of ms ≥ 0, not " + atMs);
        }
        Objects.requireNonNull(command, "command");
    }

    /** Whether this command comes at or before the moment {@code (events, timeMs)} of the same run. */
    public boolean isAtOrBefore(long events, double timeMs) {
        return atEvent < events || (atEvent == events && atMs <= timeMs);
    }
}
