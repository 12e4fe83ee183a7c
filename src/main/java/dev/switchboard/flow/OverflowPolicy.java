package dev.switchboard.flow;

import dev.switchboard.model.Keyed;

import java.util.Optional;

/** What a full broker queue does with a new message. */
public enum OverflowPolicy implements Keyed {
    /** Refuse the new message: its order fails. */
    REJECT("reject"),
    /** Make room by dropping the oldest waiting message: that order fails. */
    DROP_OLDEST("drop-oldest");

    private final String key;

    OverflowPolicy(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Optional<OverflowPolicy> fromKey(String key) {
        return Keyed.fromKey(OverflowPolicy.class, key);
    }
}
