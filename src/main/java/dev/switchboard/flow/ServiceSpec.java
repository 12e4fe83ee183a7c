package dev.switchboard.flow;

import dev.switchboard.sim.Distribution;
import dev.switchboard.sim.TimeLimits;

/**
 * One service's settings. {@code agents} and {@code tripMs} matter for delivery only,
 * {@code stockOutRate} for inventory only; {@code agents == UNLIMITED} means no limit.
 * {@code poisonRate} is the fraction of orders this service can never process (a poison message);
 * {@code idempotent} makes it remember the orders it has processed and skip a redelivered duplicate.
 * {@code instances} (1 to 5) run side by side, each with {@code workers} workers.
 */
public record ServiceSpec(int workers, Distribution workMs, double errorRate, double slowdown,
                          double stockOutRate, int agents, Distribution tripMs, double poisonRate, boolean idempotent,
                          int instances) {
    public static final int MAX_INSTANCES = 5;
    /**
     * Workers per instance: the engine's cost per event does not grow with them, but every instance
     * announcement lists them; 5 instances × 100,000 workers at all four services run in 256 MB.
     */
    public static final int MAX_WORKERS = 100_000;
    public static final int DEFAULT_WORKERS = 1;
    public static final int UNLIMITED = Integer.MAX_VALUE;
    public static final double DEFAULT_SLOWDOWN = 1.0;
    private static final String WORKERS_HINT =
            " (a service without workers never finishes an order; to stop a service, give it a down fault)";

    public ServiceSpec {
        if (workers < 1) {
            // With no worker a service takes requests and never answers: every order waits for ever, silently.
            throw new IllegalArgumentException("workers must be >= 1 but was " + workers + WORKERS_HINT);
        }
        if (workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be at most " + MAX_WORKERS + " per instance but was " + workers);
        }
        workMs = workMs == null ? Distribution.ZERO : workMs;
        tripMs = tripMs == null ? Distribution.ZERO : tripMs;
        requireRate("errorRate", errorRate);
        requireRate("stockOutRate", stockOutRate);
        TimeLimits.requireFactor("slowdown", slowdown);
        if (agents < 1) {
            // As with workers: no agent means every meal waits for a courier for ever.
            throw new IllegalArgumentException("agents must be >= 1 but was " + agents + " (leave agents out for no limit)");
        }
        requireRate("poisonRate", poisonRate);
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException("instances must be 1 to " + MAX_INSTANCES + " but was " + instances);
        }
    }

    /** A single-instance service. */
    public ServiceSpec(int workers, Distribution workMs, double errorRate, double slowdown,
                       double stockOutRate, int agents, Distribution tripMs, double poisonRate, boolean idempotent) {
        this(workers, workMs, errorRate, slowdown, stockOutRate, agents, tripMs, poisonRate, idempotent, 1);
    }

    /** A service without poison messages or an idempotent consumer. */
    public ServiceSpec(int workers, Distribution workMs, double errorRate, double slowdown,
                       double stockOutRate, int agents, Distribution tripMs) {
        this(workers, workMs, errorRate, slowdown, stockOutRate, agents, tripMs, 0, false, 1);
    }

    public static ServiceSpec defaults() {
        return new ServiceSpec(DEFAULT_WORKERS, Distribution.ZERO, 0, DEFAULT_SLOWDOWN, 0, UNLIMITED, Distribution.ZERO);
    }

    public ServiceSpec withWorkers(int n) {
        return new ServiceSpec(n, workMs, errorRate, slowdown, stockOutRate, agents, tripMs, poisonRate, idempotent, instances);
    }

    public ServiceSpec withWorkMs(Distribution d) {
        return new ServiceSpec(workers, d, errorRate, slowdown, stockOutRate, agents, tripMs, poisonRate, idempotent, instances);
    }

    public ServiceSpec withErrorRate(double rate) {
        return new ServiceSpec(workers, workMs, rate, slowdown, stockOutRate, agents, tripMs, poisonRate, idempotent, instances);
    }

    public ServiceSpec withSlowdown(double factor) {
        return new ServiceSpec(workers, workMs, errorRate, factor, stockOutRate, agents, tripMs, poisonRate, idempotent, instances);
    }

    public ServiceSpec withStockOutRate(double rate) {
        return new ServiceSpec(workers, workMs, errorRate, slowdown, rate, agents, tripMs, poisonRate, idempotent, instances);
    }

    public ServiceSpec withAgents(int n) {
        return new ServiceSpec(workers, workMs, errorRate, slowdown, stockOutRate, n, tripMs, poisonRate, idempotent, instances);
    }

    public ServiceSpec withTripMs(Distribution d) {
        return new ServiceSpec(workers, workMs, errorRate, slowdown, stockOutRate, agents, d, poisonRate, idempotent, instances);
    }

    public ServiceSpec withPoisonRate(double rate) {
        return new ServiceSpec(workers, workMs, errorRate, slowdown, stockOutRate, agents, tripMs, rate, idempotent, instances);
    }

    public ServiceSpec withIdempotent(boolean on) {
        return new ServiceSpec(workers, workMs, errorRate, slowdown, stockOutRate, agents, tripMs, poisonRate, on, instances);
    }

    public ServiceSpec withInstances(int n) {
        return new ServiceSpec(workers, workMs, errorRate, slowdown, stockOutRate, agents, tripMs, poisonRate, idempotent, n);
    }

    static void requireRate(String field, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(field + " must be between 0 and 1 but was " + rate);
        }
    }
}
