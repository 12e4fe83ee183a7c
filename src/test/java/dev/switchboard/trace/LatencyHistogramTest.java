package dev.switchboard.trace;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest {
    private static final double[] PERCENTS = {1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100};

    @Test
    void percentilesOfExponentialSamplesAreWithinHalfAPercentOfTheExactOnes() {
        SplittableRandom random = new SplittableRandom(1);
        assertMatchesExact(() -> -400 * Math.log(1 - random.nextDouble()), 100_000);
    }

    @Test
    void percentilesOfWidelySpreadSamplesAreWithinHalfAPercentOfTheExactOnes() {
        SplittableRandom random = new SplittableRandom(2);
        // log-uniform over nine orders of magnitude, from 1 microsecond to 1000 seconds
        assertMatchesExact(() -> Math.pow(10, -3 + 9 * random.nextDouble()), 50_000);
    }

    @Test
    void percentilesOfFewUniformSamplesAreWithinHalfAPercentOfTheExactOnes() {
        SplittableRandom random = new SplittableRandom(3);
        assertMatchesExact(() -> 300 + 600 * random.nextDouble(), 37);
    }

    @Test
    void zerosAndEqualValuesAreReportedExactly() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 10; i++) {
            histogram.record(0);
        }
        for (int i = 0; i < 10; i++) {
            histogram.record(20);
        }
        assertEquals(0, histogram.percentileMs(50));
        assertEquals(20, histogram.percentileMs(51));
        assertEquals(20, histogram.percentileMs(99));
        assertEquals(10, histogram.meanMs());
        assertEquals(20, histogram.maxMs());
        assertEquals(0, histogram.minMs());
    }

    @Test
    void meanAndMaxAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        SplittableRandom random = new SplittableRandom(4);
        double sum = 0;
        double max = 0;
        for (int i = 0; i < 1000; i++) {
            double v = random.nextDouble() * 1000;
            histogram.record(v);
            sum += v;
            max = Math.max(max, v);
        }
        assertEquals(sum / 1000, histogram.meanMs());
        assertEquals(max, histogram.maxMs());
        assertEquals(1000, histogram.count());
    }

    @Test
    void anEmptyHistogramSummarisesToZeros() {
        Report.Latency summary = new LatencyHistogram().summary();
        assertEquals(new Report.Latency(0, 0, 0, 0, 0, 0), summary);
    }

    @Test
    void aNegativeDurationIsRefused() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertThrows(IllegalArgumentException.class, () -> histogram.record(-1));
        assertThrows(IllegalArgumentException.class, () -> histogram.record(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> histogram.percentileMs(0));
    }

    private static void assertMatchesExact(DoubleSupplier source, int n) {
        LatencyHistogram histogram = new LatencyHistogram();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = source.getAsDouble();
            histogram.record(values[i]);
        }
        Arrays.sort(values);
        for (double percent : PERCENTS) {
            double exact = values[(int) Math.max(1, Math.ceil(percent * n / 100.0)) - 1];
            double estimate = histogram.percentileMs(percent);
            double relativeError = Math.abs(estimate - exact) / exact;
            assertTrue(relativeError <= 0.005,
                    "p" + percent + ": estimate " + estimate + " vs exact " + exact + " (error " + relativeError + ")");
        }
        assertEquals(values[n - 1], histogram.maxMs());
    }
}
