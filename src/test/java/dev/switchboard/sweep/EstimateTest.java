package dev.switchboard.sweep;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstimateTest {

    @Test
    void theStudentTQuantilesAreTheTabulatedOnes() {
        assertEquals(12.706, Estimate.tQuantile(1), 1e-3);
        assertEquals(2.776, Estimate.tQuantile(4), 1e-3);
        assertEquals(2.228, Estimate.tQuantile(10), 1e-3);
        assertEquals(1.984, Estimate.tQuantile(100), 1e-3);
    }

    @Test
    void anIntervalIsTheMeanPlusOrMinusTTimesTheStandardError() {
        Estimate e = Estimate.of(new double[] {1, 2, 3, 4, 5});
        assertEquals(3, e.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), e.standardDeviation(), 1e-12);
        assertEquals(2.776445 * Math.sqrt(2.5) / Math.sqrt(5), e.halfWidth(), 1e-5);
        assertTrue(Double.isNaN(Estimate.of(new double[] {4}).halfWidth()), "one seed gives no interval");
    }

    @Test
    void aboutNinetyFivePercentOfIntervalsFromNormalSamplesCoverTheTrueMean() {
        SplittableRandom random = new SplittableRandom(7);
        int trials = 20_000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] samples = new double[5];
            for (int i = 0; i < samples.length; i++) {
                // Box-Muller: normal with mean 10 and standard deviation 3
                double u = 1 - random.nextDouble();
                double v = random.nextDouble();
                samples[i] = 10 + 3 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
            }
            Estimate e = Estimate.of(samples);
            if (e.low() <= 10 && 10 <= e.high()) {
                covered++;
            }
        }
        // binomial standard error at 20,000 trials is 0.15 percentage points; 1 point is over six of them
        assertEquals(0.95, covered / (double) trials, 0.01);
    }
}
