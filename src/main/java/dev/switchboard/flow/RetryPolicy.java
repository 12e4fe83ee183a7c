package dev.switchboard.flow;

/**
 * Retries of a sync call: up to {@code maxAttempts} attempts in all, the n-th retry after
 * {@code baseDelayMs × multiplier^(n-1)}, spread by ± {@code jitter} (a fraction) so that callers
 * do not retry in lock-step. Timeouts, errors and unavailable replies are retried; an answer is not.
 */
public record RetryPolicy(int maxAttempts, double baseDelayMs, double multiplier, double jitter) {
    public static final RetryPolicy NONE = new RetryPolicy(1, 0, 1, 0);
    /** What a flow file's {@code "retry"} object means for a field it leaves out. */
    public static final int DEFAULT_MAX_ATTEMPTS = 1;
    public static final double DEFAULT_BASE_DELAY_MS = 100;
    public static final double DEFAULT_MULTIPLIER = 2;
    public static final double DEFAULT_JITTER = 0.2;

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 20 but was " + maxAttempts);
        }
        if (!(baseDelayMs >= 0) || Double.isInfinite(baseDelayMs)) {
            throw new IllegalArgumentException("baseDelayMs must be a finite number >= 0 but was " + baseDelayMs);
        }
        if (!(multiplier >= 1 && multiplier <= 10)) {
            throw new IllegalArgumentException("multiplier must be 1 to 10 but was " + multiplier);
        }
        ServiceSpec.requireRate("jitter", jitter);
    }

    public boolean enabled() {
        return maxAttempts > 1;
    }

    /** The delay before attempt {@code attempt} (2 for the first retry), before jitter. */
    public double backoffMs(int attempt) {
        return baseDelayMs * Math.pow(multiplier, attempt - 2);
    }
}
