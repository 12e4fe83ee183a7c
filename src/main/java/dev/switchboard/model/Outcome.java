package dev.switchboard.model;

/**
 * The bucket an order ends in. Every placed order ends in exactly one, or is still in flight
 * when the run stops.
 */
public enum Outcome {
    /** The meal reached the customer. */
    DELIVERED("delivered"),
    /** Inventory had no stock; the customer was told so. */
    REJECTED("rejected"),
    /** The system knew it could not serve the order: an error, a timeout, a crash, a full queue. */
    FAILED("failed"),
    /** A message carrying the order vanished (injected loss, or a crash took an unacknowledged message). */
    LOST("lost"),
    /** The message carrying the order was delivered too often, was poison or expired: it sits in the dead-letter queue. */
    DEAD_LETTERED("deadLettered", "dead-lettered");

    private final String key;
    private final String label;

    Outcome(String key) {
        this(key, key);
    }

    Outcome(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The outcome in words, e.g. "dead-lettered". */
    public String label() {
        return label;
    }

    public String key() {
        return key;
    }
}
