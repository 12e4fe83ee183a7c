package dev.switchboard.sweep;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A figure's mean over a point's seeds and the half-width of its 95 % confidence interval from
 * Student's t distribution with {@code n - 1} degrees of freedom ({@code NaN} for one seed).
 */
public record Estimate(int n, double mean, double standardDeviation, double halfWidth) {
    public static final double CONFIDENCE = 0.95;

    public static Estimate of(double[] samples) {
        int n = samples.length;
        if (n == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double sum = 0;
        for (double x : samples) {
            sum += x;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(1, mean, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double x : samples) {
            squares += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = tQuantile(n - 1);
        return new Estimate(n, mean, sd, t * sd / Math.sqrt(n));
    }

    /** The two-sided 95 % quantile of Student's t with {@code degrees} degrees of freedom. */
    public static double tQuantile(int degrees) {
        return new TDistribution(null, degrees).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }
}
