package dev.switchboard.sim;

import java.util.Locale;

/**
 * The ranges of time the model keeps exact, in one place: how long one duration of a flow or a
 * command may be, how far a slowdown may stretch it, and the virtual time a run may reach. The
 * clock is a {@code double} of milliseconds; below {@link #MAX_TIME_MS} it resolves better than a
 * microsecond, where past 2^53 ms small durations would round to nothing.
 */
public final class TimeLimits {

    /** The longest single duration (a work time, a latency, a timeout, a back-off, a fault's start or length): about 11.6 days. */
    public static final double MAX_DURATION_MS = 1e9;

    /** The latest virtual time a run may reach: about 31.7 years; a double resolves it to 2^-13 ms. */
    public static final double MAX_TIME_MS = 1e12;

    /** The smallest and largest slowdown factor of a service or of a slow fault. */
    public static final double MIN_FACTOR = 0.1;
    public static final double MAX_FACTOR = 100;

    private static final double DAY_MS = 86_400_000;
    private static final double YEAR_MS = 365.25 * DAY_MS;

    /** How the longest duration reads in a message: {@code 1000000000 ms (about 11.6 days)}. */
    public static final String MAX_DURATION_TEXT = String.format(Locale.ROOT, "%d ms (about %.1f days)",
            (long) MAX_DURATION_MS, MAX_DURATION_MS / DAY_MS);

    /** How the latest virtual time reads in a message: {@code 1000000000000 ms (about 31.7 years)}. */
    public static final String MAX_TIME_TEXT = String.format(Locale.ROOT, "%d ms (about %.1f years)",
            (long) MAX_TIME_MS, MAX_TIME_MS / YEAR_MS);

    private TimeLimits() {
    }

    /**
     * Refuses a duration that is not a finite number from 0 to {@link #MAX_DURATION_MS}, or from
     * just above 0 when {@code positive}; the message starts with {@code what}, as record messages do.
     */
    public static void requireDuration(String what, double ms, boolean positive) {
        if (positive ? !(ms > 0) : !(ms >= 0)) {
            throw new IllegalArgumentException(what + " must be a finite number " + (positive ? "> 0" : ">= 0")
                    + " but was " + ms);
        }
        if (ms > MAX_DURATION_MS) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_DURATION_TEXT + " but was " + ms);
        }
    }

    /** Refuses a slowdown factor outside {@link #MIN_FACTOR} to {@link #MAX_FACTOR}. */
    public static void requireFactor(String what, double factor) {
        if (!(factor >= MIN_FACTOR && factor <= MAX_FACTOR)) {
            throw new IllegalArgumentException(what + " must be " + plain(MIN_FACTOR) + " to " + plain(MAX_FACTOR)
                    + " but was " + factor);
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
