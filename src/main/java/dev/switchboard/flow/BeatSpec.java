package dev.switchboard.flow;

import java.util.List;
import java.util.Objects;

/**
 * A canned beat of a demo, declared by the flow: a name the room sees ("kitchen slows to ×5") and the
 * commands it applies at once, in the vocabulary of the engine's commands. A presenter applies the
 * n-th beat with the number key n.
 */
public record BeatSpec(String name, List<BeatCommand> commands) {
    /** Number keys 1–9: at most this many beats. */
    public static final int MAX_BEATS = 9;

    public BeatSpec {
        Objects.requireNonNull(name, "name");
        commands = List.copyOf(commands);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("commands must hold at least one command");
        }
    }
}
