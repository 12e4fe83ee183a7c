package dev.switchboard.spans;

/**
 * Queueing theory to set beside a measurement: the M/M/c queue's mean wait (Erlang C) and Little's
 * law. Pure functions of the figures they are given.
 */
public final class Theory {
    private Theory() {
    }

    /**
     * The mean wait in the queue of an M/M/c system with arrivals at {@code arrivalsPerMs}, service
     * times of mean {@code meanServiceMs} and {@code servers} servers; infinite when it is not stable
     * (offered load at or above the servers).
     */
    public static double mmcWaitMs(double arrivalsPerMs, double meanServiceMs, int servers) {
        if (servers < 1 || !(arrivalsPerMs > 0) || !(meanServiceMs > 0)) {
            return 0;
        }
        double load = arrivalsPerMs * meanServiceMs;
        double rho = load / servers;
        if (rho >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        // Erlang C by the stable recurrence on Erlang B: B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))
        double erlangB = 1;
        for (int k = 1; k <= servers; k++) {
            erlangB = load * erlangB / (k + load * erlangB);
        }
        double erlangC = erlangB / (1 - rho + rho * erlangB);
        return erlangC * meanServiceMs / (servers - load);
    }

    /** Little's law L = λW: the mean number waiting when {@code count} items waited {@code meanWaitMs} each over {@code durationMs}. */
    public static double littleQueueLength(long count, double meanWaitMs, double durationMs) {
        return durationMs > 0 ? count / durationMs * meanWaitMs : 0;
    }
}
