package dev.switchboard.ui;

import java.util.Locale;

/**
 * The playback speed control's log scale: a slider position from 0 to 1 maps to 0.05× to 20× of
 * real time, with 1× in the middle, so halving and doubling are the same distance on the slider.
 */
public final class SpeedScale {
    public static final double MIN_SPEED = 0.05;
    public static final double MAX_SPEED = 20.0;
    public static final double DEFAULT_SPEED = 1.0;

    private SpeedScale() {
    }

    /** The speed factor at slider position {@code position} (clamped to 0..1). */
    public static double speedAt(double position) {
        double p = Math.max(0, Math.min(1, position));
        return MIN_SPEED * Math.pow(MAX_SPEED / MIN_SPEED, p);
    }

    /** The slider position that shows {@code speed} (clamped to the scale's range). */
    public static double positionOf(double speed) {
        double s = Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed));
        return Math.log(s / MIN_SPEED) / Math.log(MAX_SPEED / MIN_SPEED);
    }

    /** The label next to the control, e.g. {@code 1.00×}. */
    public static String label(double speed) {
        return String.format(Locale.ROOT, "%.2f×", speed);
    }
}
