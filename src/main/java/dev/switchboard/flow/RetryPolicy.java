package dev.switchboard.flow;

import dev.switchboard.sim.TimeLimits;

import java.util.Locale;

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
        TimeLimits.requireDuration("baseDelayMs", baseDelayMs, false);
        if (!(multiplier >= 1 && multiplier <= 10)) {
            throw new IllegalArgumentException("multiplier must be 1 to 10 but was " + multiplier);
        }
        ServiceSpec.requireRate("jitter", jitter);
        // The back-off grows geometrically; its longest wait, the last retry's, must stay a duration the clock keeps exact.
        if (maxAttempts > 1 && delayMs(baseDelayMs, multiplier, maxAttempts) > TimeLimits.MAX_DURATION_MS) {
            int most = 2;
            while (delayMs(baseDelayMs, multiplier, most + 1) <= TimeLimits.MAX_DURATION_MS) {
                most++;
            }
            throw new IllegalArgumentException("maxAttempts must be at most " + most + " with baseDelayMs "
                    + plain(baseDelayMs) + " and multiplier " + plain(multiplier) + " but was " + maxAttempts
                    + " (the last retry would wait " + plain(delayMs(baseDelayMs, multiplier, maxAttempts)) + " ms; the longest delay is "
                    + TimeLimits.MAX_DURATION_TEXT + ")");
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3g", value);
    }

    public boolean enabled() {
        return maxAttempts > 1;
    }

    /** The delay before attempt {@code attempt} (2 for the first retry), before jitter. */
    public double backoffMs(int attempt) {
        return delayMs(baseDelayMs, multiplier, attempt);
    }

    private static double delayMs(double baseDelayMs, double multiplier, int attempt) {
        return baseDelayMs * Math.pow(multiplier, attempt - 2);
    }
}
