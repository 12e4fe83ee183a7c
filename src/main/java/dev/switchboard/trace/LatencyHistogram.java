package dev.switchboard.trace;

/**
 * A fixed-size histogram of non-negative durations in milliseconds that answers percentiles within
 * 0.4% relative error, with the exact count, mean, minimum and maximum. Its memory does not grow
 * with the number of samples, so a run of millions of orders can be summarised as it streams.
 */
public final class LatencyHistogram {
    /**
     * Each power of two is cut into 2^7 = 128 equal buckets, read straight from the double's
     * exponent and top mantissa bits (no logarithm per sample). A bucket's midpoint is then within
     * half a bucket, at most 1/256 = 0.39% of the smallest value in it, of every value in it.
     */
    private static final int SUB_BUCKET_BITS = 7;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    /** 2^-20 ms is about a nanosecond; anything shorter counts as zero (and is reported as the exact minimum). */
    private static final int MIN_EXPONENT = -20;
    /** 2^44 ms is about 557 years; longer samples share the last bucket (the exact maximum is kept). */
    private static final int MAX_EXPONENT = 44;
    private static final int BUCKETS = (MAX_EXPONENT - MIN_EXPONENT) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long belowRange;
    private long count;
    private double sumMs;
    private double minMs = Double.POSITIVE_INFINITY;
    private double maxMs = Double.NEGATIVE_INFINITY;

    /** Adds one duration; a negative or NaN duration is an engine bug and is refused. */
    public void record(double valueMs) {
        if (!(valueMs >= 0)) {
            throw new IllegalArgumentException("a duration must be >= 0 ms but was " + valueMs);
        }
        count++;
        sumMs += valueMs;
        if (valueMs < minMs) {
            minMs = valueMs;
        }
        if (valueMs > maxMs) {
            maxMs = valueMs;
        }
        long bits = Double.doubleToRawLongBits(valueMs);
        int exponent = (int) (bits >>> 52) - 1023;
        if (exponent < MIN_EXPONENT) {
            belowRange++;
            return;
        }
        int index;
        if (exponent >= MAX_EXPONENT) {
            index = BUCKETS - 1;
        } else {
            int subBucket = (int) (bits >>> (52 - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
            index = ((exponent - MIN_EXPONENT) << SUB_BUCKET_BITS) | subBucket;
        }
        counts[index]++;
    }

    public long count() {
        return count;
    }

    /** The exact mean, or 0 when nothing was recorded. */
    public double meanMs() {
        return count == 0 ? 0 : sumMs / count;
    }

    /** The exact maximum, or 0 when nothing was recorded. */
    public double maxMs() {
        return count == 0 ? 0 : maxMs;
    }

    /** The exact minimum, or 0 when nothing was recorded. */
    public double minMs() {
        return count == 0 ? 0 : minMs;
    }

    /**
     * The nearest-rank percentile: an estimate of the smallest recorded value that at least
     * {@code percent}% of the values do not exceed (0 when nothing was recorded).
     */
    public double percentileMs(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentile must be in (0, 100] but was " + percent);
        }
        if (count == 0) {
            return 0;
        }
        // percent * count is exact for any realistic count, so p95 of 100 samples is rank 95, not 96
        long rank = Math.max(1, (long) Math.ceil(percent * count / 100.0));
        long seen = belowRange;
        if (seen >= rank) {
            return minMs;
        }
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(maxMs, Math.max(minMs, midpointMs(i)));
            }
        }
        return maxMs;
    }

    /** A summary for a report: count, mean, p50, p95, p99 and max. */
    public Report.Latency summary() {
        return new Report.Latency(count, meanMs(), percentileMs(50), percentileMs(95), percentileMs(99), maxMs());
    }

    private static double midpointMs(int index) {
        int exponent = (index >>> SUB_BUCKET_BITS) + MIN_EXPONENT;
        int subBucket = index & (SUB_BUCKETS - 1);
        return Math.scalb(1.0 + (subBucket + 0.5) / SUB_BUCKETS, exponent);
    }
}
