package dev.switchboard.flow;

import dev.switchboard.model.Keyed;

import java.util.Optional;

/** How a caller spreads its calls over the instances it knows of. */
public enum Balancing implements Keyed {
    /** Each call to the next instance in turn. */
    ROUND_ROBIN("round-robin"),
    /** Each call to the instance with the fewest calls in progress (lowest number on a tie). */
    LEAST_BUSY("least-busy");

    private final String key;

    Balancing(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Optional<Balancing> fromKey(String key) {
        return Keyed.fromKey(Balancing.class, key);
    }
}
