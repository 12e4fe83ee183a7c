package dev.switchboard.model;

import java.util.Optional;

/** The kinds of injected fault a flow can schedule. */
public enum FaultKind implements Keyed {
    /** A service crashes: in-flight work is lost, requests are refused, queued messages wait. */
    DOWN("down", true),
    /** A service works slower by a factor. */
    SLOW("slow", true),
    /** A service fails a fraction of the requests it handles. */
    ERRORS("errors", true),
    /** A link loses a fraction of the messages it carries. */
    LOSS("loss", false);

    private final String key;
    private final boolean onService;

    FaultKind(String key, boolean onService) {
        this.key = key;
        this.onService = onService;
    }

    @Override
    public String key() {
        return key;
    }

    /** True for faults that target a service, false for those that target a link. */
    public boolean onService() {
        return onService;
    }

    public static Optional<FaultKind> fromKey(String key) {
        return Keyed.fromKey(FaultKind.class, key);
    }
}
