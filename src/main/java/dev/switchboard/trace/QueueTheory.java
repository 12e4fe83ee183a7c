package dev.switchboard.trace;

import java.util.OptionalDouble;

/**
 * Queueing theory to set beside a measurement: the M/M/c queue's mean wait (Erlang C) and Little's law.
 * Pure functions of the figures they are given; the sweeps and the why-window's summary both use them.
 */
public final class QueueTheory {
    private QueueTheory() {
    }

    /**
     * Mean wait in the queue of an M/M/c system (Erlang C) with arrivals at {@code lambda} and each of
     * {@code c} servers serving at {@code mu}, both per ms; empty when the queue is not stable.
     */
    public static OptionalDouble erlangCWaitMs(double lambda, double mu, int c) {
        double a = lambda / mu;
        double rho = a / c;
        if (!(rho < 1) || c < 1) {
            return OptionalDouble.empty();
        }
        // sum of a^k / k! for k < c, and a^c / c!, built term by term to stay finite for large c
        double term = 1;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double last = term / (1 - rho);
        double waitProbability = last / (sum + last);
        return OptionalDouble.of(waitProbability / (c * mu - lambda));
    }

    /** Little's law L = λW: the mean number waiting when {@code count} items waited {@code meanWaitMs} each over {@code durationMs}. */
    public static double littleQueueLength(long count, double meanWaitMs, double durationMs) {
        return durationMs > 0 ? count / durationMs * meanWaitMs : 0;
    }
}
