package dev.switchboard.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpeedScaleTest {

    @Test
    void theEndsOfTheSliderAreFiveHundredthsAndTwentyTimes() {
        assertEquals(0.05, SpeedScale.speedAt(0), 1e-12);
        assertEquals(20.0, SpeedScale.speedAt(1), 1e-12);
    }

    @Test
    void realTimeSitsInTheMiddle() {
        assertEquals(1.0, SpeedScale.speedAt(0.5), 1e-12);
        assertEquals(0.5, SpeedScale.positionOf(1.0), 1e-12);
    }

    @Test
    void doublingTheSpeedIsTheSameDistanceEverywhere() {
        double fromQuarter = SpeedScale.positionOf(0.5) - SpeedScale.positionOf(0.25);
        double fromFive = SpeedScale.positionOf(10) - SpeedScale.positionOf(5);
        assertEquals(fromQuarter, fromFive, 1e-12);
    }

    @Test
    void positionAndSpeedRoundTrip() {
        for (double speed : new double[] {0.05, 0.1, 0.37, 1, 2.5, 19.9, 20}) {
            assertEquals(speed, SpeedScale.speedAt(SpeedScale.positionOf(speed)), 1e-9);
        }
    }

    @Test
    void valuesOutsideTheScaleAreClamped() {
        assertEquals(20.0, SpeedScale.speedAt(3), 1e-12);
        assertEquals(0.0, SpeedScale.positionOf(0.001), 1e-12);
    }

    @Test
    void theLabelShowsTwoDecimals() {
        assertEquals("1.00×", SpeedScale.label(1));
        assertEquals("0.05×", SpeedScale.label(0.05));
        assertEquals("12.50×", SpeedScale.label(12.5));
    }
}
