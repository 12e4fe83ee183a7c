package dev.switchboard.flow;

import dev.switchboard.sim.Distribution;

/**
 * One service's settings. {@code agents} and {@code tripMs} matter for delivery only,
 * {@code stockOutRate} for inventory only; {@code agents == UNLIMITED} means no limit.
 */
public record ServiceSpec(int workers, Distribution workMs, double errorRate, double slowdown,
                          double stockOutRate, int agents, Distribution tripMs) {
    public static final int DEFAULT_WORKERS = 1;
    public static final int UNLIMITED = Integer.MAX_VALUE;
    public static final double DEFAULT_SLOWDOWN = 1.0;

    public ServiceSpec {
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be >= 0 but was " + workers);
        }
        workMs = workMs == null ? Distribution.ZERO : workMs;
        tripMs = tripMs == null ? Distribution.ZERO : tripMs;
        requireRate("errorRate", errorRate);
        requireRate("stockOutRate", stockOutRate);
        if (!(slowdown > 0) || Double.isInfinite(slowdown)) {
            throw new IllegalArgumentException("slowdown must be a finite number > 0 but was " + slowdown);
        }
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0 but was " + agents);
        }
    }

    public static ServiceSpec defaults() {
        return new ServiceSpec(DEFAULT_WORKERS, Distribution.ZERO, 0, DEFAULT_SLOWDOWN, 0, UNLIMITED, Distribution.ZERO);
    }

    public ServiceSpec withWorkers(int n) {
        return new ServiceSpec(n, workMs, errorRate, slowdown, stockOutRate, agents, tripMs);
    }

    public ServiceSpec withWorkMs(Distribution d) {
        return new ServiceSpec(workers, d, errorRate, slowdown, stockOutRate, agents, tripMs);
    }

    public ServiceSpec withErrorRate(double rate) {
        return new ServiceSpec(workers, workMs, rate, slowdown, stockOutRate, agents, tripMs);
    }

    public ServiceSpec withSlowdown(double factor) {
        return new ServiceSpec(workers, workMs, errorRate, factor, stockOutRate, agents, tripMs);
    }

    public ServiceSpec withStockOutRate(double rate) {
        return new ServiceSpec(workers, workMs, errorRate, slowdown, rate, agents, tripMs);
    }

    public ServiceSpec withAgents(int n) {
        return new ServiceSpec(workers, workMs, errorRate, slowdown, stockOutRate, n, tripMs);
    }

    public ServiceSpec withTripMs(Distribution d) {
        return new ServiceSpec(workers, workMs, errorRate, slowdown, stockOutRate, agents, d);
    }

    static void requireRate(String field, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(field + " must be between 0 and 1 but was " + rate);
        }
    }
}
