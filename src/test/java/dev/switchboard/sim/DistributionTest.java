package dev.switchboard.sim;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionTest {
    private static final int SAMPLES = 200_000;

    private static double sampleMean(Distribution d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double x = d.sample(random);
            assertTrue(x >= 0, "negative sample " + x);
            sum += x;
        }
        return sum / SAMPLES;
    }

    @Test
    void sampleMeansMatchTheDistributionsMeans() {
        assertEquals(5, sampleMean(Distribution.fixed(5), 1), 1e-12);
        assertEquals(600, sampleMean(new Distribution.Uniform(300, 900), 2), 600 * 0.01);
        assertEquals(400, sampleMean(new Distribution.Exponential(400), 3), 400 * 0.01);
        assertEquals(100, sampleMean(new Distribution.Normal(100, 10), 4), 100 * 0.01);
    }

    @Test
    void aNormalNearZeroIsTruncatedAtZeroNotNegative() {
        double mean = sampleMean(new Distribution.Normal(1, 5), 5);
        assertTrue(mean > 1, "truncation at 0 raises the mean, got " + mean);
    }

    @Test
    void theJsonAndHumanFormsReadLikeAFlowFile() {
        assertEquals("{\"uniform\": [300, 900]}", new Distribution.Uniform(300, 900).toJson());
        assertEquals("{\"exponential\": 2.5}", new Distribution.Exponential(2.5).toJson());
        assertEquals("300–900 ms", dev.switchboard.trace.Numbers.distribution(new Distribution.Uniform(300, 900)));
    }

    @Test
    void impossibleParametersAreRefusedWithAReadableMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Distribution.Uniform(9, 3));
        assertTrue(e.getMessage().contains("below its minimum"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Distribution.fixed(-1));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Exponential(Double.NaN));
    }
}
