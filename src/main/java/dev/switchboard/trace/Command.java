package dev.switchboard.trace;

import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.BulkheadPolicy;
import dev.switchboard.flow.DeliveryPolicy;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.sim.TimeLimits;

import java.util.Locale;
import java.util.Objects;

/**
 * A user's action sent into a running simulation. It takes effect at the current virtual time, on
 * new work, and comes out of the trace as {@link TraceEvent.CommandApplied}; a constructor refuses
 * an impossible value with a message a person can read.
 */
public sealed interface Command {

    /** A sentence for the narration, e.g. "Kitchen Service error rate set to 20%". */
    String describe();

    record PlaceOrders(int count) implements Command {
        public PlaceOrders {
            if (count < 1 || count > 100_000) {
                throw new IllegalArgumentException("You can place 1 to 100000 orders at once, not " + count + ".");
            }
        }

        @Override
        public String describe() {
            return count == 1 ? "One order placed by hand" : count + " orders placed at once";
        }
    }

    /** Automatic arrivals as a Poisson stream of {@code ratePerSecond} orders per second; 0 stops them. */
    record SetArrivalRate(double ratePerSecond) implements Command {
        private static final String MIN_ARRIVAL_RATE_TEXT = "0.000001";

        public SetArrivalRate {
            if (!(ratePerSecond >= 0 && ratePerSecond <= 10_000)) {
                throw new IllegalArgumentException("The arrival rate must be 0 to 10000 orders per second, not " + fmt(ratePerSecond) + ".");
            }
            // The time between arrivals is a duration like any other: at most TimeLimits.MAX_DURATION_MS.
            if (ratePerSecond > 0 && 1000 / ratePerSecond > TimeLimits.MAX_DURATION_MS) {
                throw new IllegalArgumentException("An arrival rate above 0 must be at least " + MIN_ARRIVAL_RATE_TEXT
                        + " orders per second (one order in " + TimeLimits.MAX_DURATION_TEXT + "), not " + ratePerSecond
                        + "; 0 stops arrivals.");
            }
        }

        @Override
        public String describe() {
            return ratePerSecond == 0 ? "Automatic arrivals stopped"
                    : "Automatic arrivals set to " + fmt(ratePerSecond) + " orders per second";
        }
    }

    record SetLinkLatency(LinkId link, Distribution latencyMs) implements Command, LinkScoped {
        public SetLinkLatency {
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(latencyMs, "latencyMs");
        }

        @Override
        public String describe() {
            return "Latency of " + link.key() + " set to " + Numbers.distribution(latencyMs);
        }
    }

    record SetLinkLoss(LinkId link, double lossRate) implements Command, LinkScoped {
        public SetLinkLoss {
            Objects.requireNonNull(link, "link");
            requireRate("loss rate", lossRate);
        }

        @Override
        public String describe() {
            return "Loss rate of " + link.key() + " set to " + percent(lossRate);
        }
    }

    record SetLinkTimeout(LinkId link, double timeoutMs) implements Command, LinkScoped {
        public SetLinkTimeout {
            Objects.requireNonNull(link, "link");
            if (!(timeoutMs > 0) || Double.isInfinite(timeoutMs)) {
                throw new IllegalArgumentException("A caller needs some time to wait for a reply: the timeout must be more than 0 ms, not "
                        + Numbers.ms(timeoutMs) + ".");
            }
            if (timeoutMs > TimeLimits.MAX_DURATION_MS) {
                throw new IllegalArgumentException("A timeout must be at most " + TimeLimits.MAX_DURATION_TEXT + ", not "
                        + Numbers.ms(timeoutMs) + ".");
            }
        }

        @Override
        public String describe() {
            return "Timeout of " + link.key() + " set to " + fmt(timeoutMs) + " ms";
        }
    }

    /** Changes a link's style for new work; what is already on its way finishes the old way. */
    record SetLinkStyle(LinkId link, LinkStyle style) implements Command, LinkScoped {
        public SetLinkStyle {
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(style, "style");
            if (!link.allows(style)) {
                throw new IllegalArgumentException("The link " + link.key() + " cannot be " + style.key()
                        + "; it can be " + link.allowedStyles().stream().map(LinkStyle::key).toList() + ".");
            }
        }

        @Override
        public String describe() {
            return "Style of " + link.key() + " switched to " + style.key() + " for new orders";
        }
    }

    record SetQueueCapacity(LinkId link, int capacity) implements Command, LinkScoped {
        public SetQueueCapacity {
            Objects.requireNonNull(link, "link");
            if (capacity < 1) {
                throw new IllegalArgumentException("A queue's capacity must be at least 1, not " + capacity + ".");
            }
        }

        @Override
        public String describe() {
            return "Capacity of the " + link.key() + " queue set to " + capacity;
        }
    }

    record SetErrorRate(ServiceId service, double errorRate) implements Command, ServiceScoped {
        public SetErrorRate {
            Objects.requireNonNull(service, "service");
            requireRate("error rate", errorRate);
        }

        @Override
        public String describe() {
            return service.displayName() + " error rate set to " + percent(errorRate);
        }
    }

    /** Crashes a service ({@code down}) or brings it back. */
    record SetServiceDown(ServiceId service, boolean down) implements Command, ServiceScoped {
        public SetServiceDown {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public String describe() {
            return service.displayName() + (down ? " taken down (crashed)" : " brought back up");
        }
    }

    record SetSlowdown(ServiceId service, double factor) implements Command, ServiceScoped {
        public SetSlowdown {
            Objects.requireNonNull(service, "service");
            if (!(factor >= TimeLimits.MIN_FACTOR && factor <= TimeLimits.MAX_FACTOR)) {
                throw new IllegalArgumentException("A slowdown factor must be ×0.1 to ×100, not " + Numbers.factor(factor) + ".");
            }
        }

        @Override
        public String describe() {
            return service.displayName() + " slowdown set to ×" + fmt(factor);
        }
    }

    record SetWorkers(ServiceId service, int workers) implements Command, ServiceScoped {
        public SetWorkers {
            Objects.requireNonNull(service, "service");
            if (workers < 1 || workers > 64) {
                throw new IllegalArgumentException("A service has 1 to 64 workers, not " + workers + ".");
            }
        }

        @Override
        public String describe() {
            return service.displayName() + " now has " + workers + (workers == 1 ? " worker" : " workers");
        }
    }

    record SetWorkTime(ServiceId service, Distribution workMs) implements Command, ServiceScoped {
        public SetWorkTime {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(workMs, "workMs");
        }

        @Override
        public String describe() {
            return service.displayName() + " work time set to " + Numbers.distribution(workMs);
        }
    }

    record SetStockOutRate(double stockOutRate) implements Command, ServiceScoped {
        public SetStockOutRate {
            requireRate("stock-out rate", stockOutRate);
        }

        /** Stock is the Inventory Service's. */
        @Override
        public ServiceId service() {
            return ServiceId.INVENTORY;
        }

        @Override
        public String describe() {
            return "Inventory stock-out rate set to " + percent(stockOutRate);
        }
    }

    /** Sets the delivery agent pool; {@code ServiceSpec.UNLIMITED} for no limit. */
    record SetAgents(int agents) implements Command, DeliveryScoped {
        public SetAgents {
            if (agents < 1) {
                throw new IllegalArgumentException("Delivery needs at least 1 agent, not " + agents + ".");
            }
        }

        @Override
        public String describe() {
            return agents == Integer.MAX_VALUE ? "Delivery agents unlimited" : "Delivery agents set to " + agents;
        }
    }

    record SetTripTime(Distribution tripMs) implements Command, DeliveryScoped {
        public SetTripTime {
            Objects.requireNonNull(tripMs, "tripMs");
        }

        @Override
        public String describe() {
            return "Delivery trip time set to " + Numbers.distribution(tripMs);
        }
    }

    /** Retries on a sync link; {@code RetryPolicy.NONE} switches them off. */
    record SetRetry(LinkId link, RetryPolicy retry) implements Command, LinkScoped {
        public SetRetry {
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(retry, "retry");
        }

        @Override
        public String describe() {
            return retry.enabled()
                    ? "Retries on " + link.key() + ": up to " + retry.maxAttempts() + " attempts, backoff "
                    + fmt(retry.baseDelayMs()) + " ms ×" + fmt(retry.multiplier()) + " with " + percent(retry.jitter()) + " jitter"
                    : "Retries on " + link.key() + " switched off";
        }
    }

    /** A circuit breaker on a sync link; null switches it off. */
    record SetBreaker(LinkId link, BreakerPolicy breaker) implements Command, LinkScoped {
        public SetBreaker {
            Objects.requireNonNull(link, "link");
        }

        @Override
        public String describe() {
            return breaker == null ? "Circuit breaker on " + link.key() + " switched off"
                    : "Circuit breaker on " + link.key() + ": opens at " + percent(breaker.failureRateThreshold())
                    + " failures of the last " + breaker.windowSize() + " calls, stays open " + fmt(breaker.openMs()) + " ms";
        }
    }

    /** A bulkhead on a sync link; null switches it off. */
    record SetBulkhead(LinkId link, BulkheadPolicy bulkhead) implements Command, LinkScoped {
        public SetBulkhead {
            Objects.requireNonNull(link, "link");
        }

        @Override
        public String describe() {
            return bulkhead == null ? "Bulkhead on " + link.key() + " switched off"
                    : "Bulkhead on " + link.key() + ": at most " + bulkhead.maxConcurrent() + " calls at once, "
                    + (bulkhead.waits() ? "others wait up to " + fmt(bulkhead.maxWaitMs()) + " ms" : "others are rejected");
        }
    }

    record SetStockFallback(StockFallback fallback) implements Command {
        public SetStockFallback {
            Objects.requireNonNull(fallback, "fallback");
        }

        @Override
        public String describe() {
            return switch (fallback) {
                case FAIL -> "Stock-check fallback off: orders fail when Inventory cannot answer";
                case REJECT -> "Stock-check fallback: reject the order when Inventory cannot answer";
                case ACCEPT -> "Stock-check fallback: accept the order optimistically when Inventory cannot answer";
            };
        }
    }

    /** Acknowledgements, delivery limit, overflow, TTL and durability of a queue or event link. */
    record SetDeliveryPolicy(LinkId link, DeliveryPolicy delivery) implements Command, LinkScoped {
        public SetDeliveryPolicy {
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(delivery, "delivery");
            if (link == LinkId.ORDER_INVENTORY) {
                throw new IllegalArgumentException("order->inventory is always sync; delivery settings apply to queue and event links.");
            }
        }

        @Override
        public String describe() {
            return "Delivery on " + link.key() + ": " + (delivery.acks() ? "acks on, at most " + delivery.maxDeliveries()
                    + " deliveries" : "acks off") + ", overflow " + delivery.overflow().key()
                    + (delivery.messageTtlMs() > 0 ? ", TTL " + fmt(delivery.messageTtlMs()) + " ms" : "")
                    + (delivery.durable() ? ", durable" : ", not durable");
        }
    }

    record SetPoisonRate(ServiceId service, double poisonRate) implements Command, ServiceScoped {
        public SetPoisonRate {
            Objects.requireNonNull(service, "service");
            requireRate("poison rate", poisonRate);
        }

        @Override
        public String describe() {
            return service.displayName() + " poison-message rate set to " + percent(poisonRate) + " of new orders";
        }
    }

    record SetIdempotent(ServiceId service, boolean idempotent) implements Command, ServiceScoped {
        public SetIdempotent {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public String describe() {
            return service.displayName() + (idempotent ? " now remembers processed orders and skips duplicates"
                    : " no longer checks for duplicates");
        }
    }

    /** Runs the service as {@code instances} replicas (1 to 5); extra ones shut down gracefully. */
    record SetInstances(ServiceId service, int instances) implements Command, ServiceScoped {
        public SetInstances {
            Objects.requireNonNull(service, "service");
            if (instances < 1 || instances > dev.switchboard.flow.ServiceSpec.MAX_INSTANCES) {
                throw new IllegalArgumentException("A service runs 1 to " + dev.switchboard.flow.ServiceSpec.MAX_INSTANCES
                        + " instances, not " + instances + ".");
            }
        }

        @Override
        public String describe() {
            return service.displayName() + " now runs " + instances + (instances == 1 ? " instance" : " instances");
        }
    }

    /** Crashes one instance of a service (numbered from 0) or brings it back. */
    record SetInstanceDown(ServiceId service, int instance, boolean down) implements Command, ServiceScoped {
        public SetInstanceDown {
            Objects.requireNonNull(service, "service");
            if (instance < 0 || instance >= dev.switchboard.flow.ServiceSpec.MAX_INSTANCES) {
                throw new IllegalArgumentException("Instances are numbered 1 to " + dev.switchboard.flow.ServiceSpec.MAX_INSTANCES
                        + ", not " + (instance + 1) + ".");
            }
        }

        @Override
        public String describe() {
            return service.displayName() + " instance " + (instance + 1) + (down ? " crashed" : " brought back up");
        }
    }

    /** Switches service discovery on with these settings, or off with null. */
    record SetDiscovery(dev.switchboard.flow.DiscoverySpec discovery) implements Command {
        @Override
        public String describe() {
            return discovery == null ? "Service registry switched off: callers know every instance"
                    : "Service registry: heartbeat every " + fmt(discovery.heartbeatIntervalMs()) + " ms, removed after "
                    + discovery.missedHeartbeats() + " missed, caller caches live " + fmt(discovery.cacheTtlMs())
                    + " ms, " + discovery.balancing().key();
        }
    }

    private static void requireRate(String what, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("The " + what + " must be 0% to 100%, not " + Numbers.percent(rate) + ".");
        }
    }

    private static String percent(double rate) {
        return Numbers.percent(rate);
    }

    private static String fmt(double value) {
        return Numbers.number(value);
    }
}
