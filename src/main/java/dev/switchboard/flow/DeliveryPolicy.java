package dev.switchboard.flow;

import dev.switchboard.sim.TimeLimits;

/**
 * How a queue or event link delivers: with {@code acks} a consumer acknowledges a message only
 * when its work is done, so a crash or a failure puts it back (redelivered) until it has been
 * delivered {@code maxDeliveries} times and goes to the dead-letter queue; an unacknowledged
 * message comes back after {@code ackTimeoutMs}. {@code overflow} says what a full queue does,
 * {@code messageTtlMs} (0 = none) when a waiting message expires to the dead-letter queue, and
 * {@code durable} whether a subscriber that is down gets its events later.
 */
public record DeliveryPolicy(boolean acks, int maxDeliveries, double ackTimeoutMs, OverflowPolicy overflow,
                             double messageTtlMs, boolean durable) {
    public static final int DEFAULT_MAX_DELIVERIES = 20;
    public static final double DEFAULT_ACK_TIMEOUT_MS = 30_000;
    public static final DeliveryPolicy DEFAULTS =
            new DeliveryPolicy(false, DEFAULT_MAX_DELIVERIES, DEFAULT_ACK_TIMEOUT_MS, OverflowPolicy.REJECT, 0, true);

    public DeliveryPolicy {
        if (maxDeliveries < 1 || maxDeliveries > 1000) {
            throw new IllegalArgumentException("maxDeliveries must be 1 to 1000 but was " + maxDeliveries);
        }
        TimeLimits.requireDuration("ackTimeoutMs", ackTimeoutMs, true);
        java.util.Objects.requireNonNull(overflow, "overflow");
        if (!(messageTtlMs >= 0)) {
            throw new IllegalArgumentException("messageTtlMs must be a finite number >= 0 (0 = none) but was " + messageTtlMs);
        }
        TimeLimits.requireDuration("messageTtlMs", messageTtlMs, false);
    }

    public DeliveryPolicy withAcks(boolean on) {
        return new DeliveryPolicy(on, maxDeliveries, ackTimeoutMs, overflow, messageTtlMs, durable);
    }

    public DeliveryPolicy withMaxDeliveries(int n) {
        return new DeliveryPolicy(acks, n, ackTimeoutMs, overflow, messageTtlMs, durable);
    }

    public DeliveryPolicy withAckTimeoutMs(double ms) {
        return new DeliveryPolicy(acks, maxDeliveries, ms, overflow, messageTtlMs, durable);
    }

    public DeliveryPolicy withOverflow(OverflowPolicy policy) {
        return new DeliveryPolicy(acks, maxDeliveries, ackTimeoutMs, policy, messageTtlMs, durable);
    }

    public DeliveryPolicy withMessageTtlMs(double ms) {
        return new DeliveryPolicy(acks, maxDeliveries, ackTimeoutMs, overflow, ms, durable);
    }

    public DeliveryPolicy withDurable(boolean on) {
        return new DeliveryPolicy(acks, maxDeliveries, ackTimeoutMs, overflow, messageTtlMs, on);
    }
}
