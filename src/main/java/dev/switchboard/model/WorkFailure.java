package dev.switchboard.model;

/** Why a worker's task failed, as the engine decided it: the narration says so instead of guessing. */
public enum WorkFailure implements Keyed {
    /** The task succeeded. */
    NONE("none"),
    /** The service's error rate made it fail. */
    ERROR_RATE("errorRate"),
    /** The order is a poison message for this service: no worker can ever process it. */
    POISON("poison");

    private final String key;

    WorkFailure(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
