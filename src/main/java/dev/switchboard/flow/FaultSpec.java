package dev.switchboard.flow;

import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.TimeLimits;

/**
 * A fault scheduled in a flow: from {@code atMs} for {@code forMs}, on a service ({@code down},
 * {@code slow} with {@code value} as the factor, {@code errors} with {@code value} as the rate)
 * or on a link ({@code loss} with {@code value} as the rate). Exactly one of service and link is set.
 * A {@code down} fault may name one {@code instance} of the service (from 0); {@code ALL_INSTANCES} otherwise.
 */
public record FaultSpec(ServiceId service, LinkId link, FaultKind kind, double atMs, double forMs, double value,
                        int instance) {
    public static final int ALL_INSTANCES = -1;

    public FaultSpec(ServiceId service, LinkId link, FaultKind kind, double atMs, double forMs, double value) {
        this(service, link, kind, atMs, forMs, value, ALL_INSTANCES);
    }

    public FaultSpec {
        if (instance != ALL_INSTANCES && (instance < 0 || instance >= ServiceSpec.MAX_INSTANCES || kind != FaultKind.DOWN)) {
            throw new IllegalArgumentException("only a down fault can name an instance, numbered 0 to "
                    + (ServiceSpec.MAX_INSTANCES - 1) + ", but it was " + instance);
        }
        java.util.Objects.requireNonNull(kind, "kind");
        if ((service == null) == (link == null)) {
            throw new IllegalArgumentException("a fault names exactly one service or one link");
        }
        if (kind.onService() != (service != null)) {
            throw new IllegalArgumentException("fault kind " + kind.key() + " applies to a " + (kind.onService() ? "service" : "link"));
        }
        TimeLimits.requireDuration("atMs", atMs, false);
        TimeLimits.requireDuration("forMs", forMs, true);
        if (kind == FaultKind.SLOW) {
            TimeLimits.requireFactor("factor", value);
        }
    }

    public String targetKey() {
        return service != null ? service.key() : link.key();
    }

    /** The fault in a few words, e.g. {@code Kitchen Service down} or {@code order->kitchen losing 20% of messages}. */
    public String describe() {
        return switch (kind) {
            case DOWN -> service.displayName() + " down";
            case SLOW -> service.displayName() + " slowed ×" + value;
            case ERRORS -> service.displayName() + " failing " + Math.round(value * 100) + "% of requests";
            case LOSS -> link.key() + " losing " + Math.round(value * 100) + "% of messages";
        };
    }
}
