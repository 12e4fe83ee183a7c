package dev.switchboard.ui;

import dev.switchboard.sim.Distribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pure mappings between slider values and distributions; the commands are tested with a run. */
class ControlsViewModelTest {

    @Test
    void latencyWithoutJitterIsFixed() {
        assertEquals(new Distribution.Fixed(200), ControlsViewModel.latency(Distribution.ZERO, 200, 0));
    }

    @Test
    void jitterSpreadsTheLatencyEvenlyAroundItsMeanButNeverBelowZero() {
        assertEquals(new Distribution.Uniform(150, 250), ControlsViewModel.latency(Distribution.ZERO, 200, 50));
        assertEquals(new Distribution.Uniform(0, 130), ControlsViewModel.latency(Distribution.ZERO, 30, 100));
    }

    @Test
    void aNormalLatencyStaysNormal() {
        assertEquals(new Distribution.Normal(80, 10),
                ControlsViewModel.latency(new Distribution.Normal(20, 5), 80, 10));
    }

    @Test
    void theSlidersReadMeanAndJitterBackFromADistribution() {
        Distribution uniform = new Distribution.Uniform(150, 250);
        assertEquals(200, ControlsViewModel.latencyMean(uniform));
        assertEquals(50, ControlsViewModel.latencyJitter(uniform));
        assertEquals(0, ControlsViewModel.latencyJitter(new Distribution.Fixed(20)));
        assertEquals(7, ControlsViewModel.latencyJitter(new Distribution.Normal(20, 7)));
    }

    @Test
    void aNewPreparationTimeKeepsTheShapeOfTheDistribution() {
        assertEquals(new Distribution.Uniform(150, 450), ControlsViewModel.withMean(new Distribution.Uniform(300, 900), 300));
        assertEquals(new Distribution.Exponential(100), ControlsViewModel.withMean(new Distribution.Exponential(500), 100));
        assertEquals(new Distribution.Fixed(700), ControlsViewModel.withMean(Distribution.ZERO, 700));
        assertEquals(new Distribution.Normal(1000, 200), ControlsViewModel.withMean(new Distribution.Normal(500, 100), 1000));
    }

    @Test
    void slidersRoundToTheirStep() {
        assertEquals(0.07, ControlPanelController.round(0.0712, 0.01));
        assertEquals(2.5, ControlPanelController.round(2.46, 0.1));
    }
}
