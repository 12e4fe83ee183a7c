package dev.switchboard.trace;

import dev.switchboard.sim.Distribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one way Switchboard prints numbers and durations to people: the narration, the controls, the
 * diagram and the commands' descriptions all call it, so a value reads the same everywhere and a
 * binary fraction never shows ("7500", not "7500.000000000001"). Machine formats (JSON, the flow
 * file) keep their exact numbers and do not use it.
 */
public final class Numbers {
    private Numbers() {
    }

    /** From this magnitude on a number is shown in exponent form ("1.0E308"). */
    static final double HUGE = 1e15;

    /**
     * A plain number with at most {@code decimals} decimals and no trailing zeros: "20", "0.25", "-3.5"; a huge one
     * (1e15 and beyond) in exponent form, "1.0E308".
     */
    public static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (Math.abs(value) >= HUGE) {
            // A typed 1e308 is echoed as the user wrote it, not as a 309-digit number.
            return Double.toString(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        String text = rounded.signum() == 0 ? "0" : rounded.toPlainString();
        return text;
    }

    /** A plain number with at most two decimals: "20", "0.25", "7500". */
    public static String number(double value) {
        return number(value, 2);
    }

    /** Milliseconds as the controls and the narration show them: "20 ms", "7500 ms", "2.5 ms" (one decimal below 10). */
    public static String ms(double valueMs) {
        return number(valueMs, Math.abs(valueMs) < 10 ? 1 : 0) + " ms";
    }

    /** A span of time: "820 ms" under a second, "1.2 s" up to a minute, "3 min" beyond. */
    public static String duration(double ms) {
        if (ms < 1000) {
            return ms(ms);
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return Math.round(ms / 60_000) + " min";
    }

    /** A countdown short enough for a worker slot: "0.7s", "12.3s", "95s". */
    public static String shortDuration(double ms) {
        double s = ms / 1000;
        return s < 100 ? String.format(Locale.ROOT, "%.1fs", s) : Math.round(s) + "s";
    }

    /** A moment on the virtual clock, to the millisecond: "12.345 s". */
    public static String clock(double timeMs) {
        return String.format(Locale.ROOT, "%.3f s", timeMs / 1000.0);
    }

    /** A share from 0 to 1 as a percentage with at most one decimal: "5%", "12.5%". */
    public static String percent(double rate) {
        return number(rate * 100, 1) + "%";
    }

    /** A factor: "×2", "×1.5". */
    public static String factor(double factor) {
        return "×" + number(factor, 1);
    }

    /** A rate per second: "2.5 /s". */
    public static String perSecond(double ratePerSecond) {
        return number(ratePerSecond, 1) + " /s";
    }

    /** How often: "once", "twice", "3 times". */
    public static String times(long count) {
        return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
    }

    /** A count with its noun in the right number: "1 message", "3 messages". */
    public static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** A distribution of times as the controls and the narration show it: "20 ms", "300–900 ms", "exp(mean 400 ms)". */
    public static String distribution(Distribution d) {
        if (d instanceof Distribution.Fixed f) {
            return ms(f.valueMs());
        }
        if (d instanceof Distribution.Uniform u) {
            return number(u.minMs(), Math.abs(u.maxMs()) < 10 ? 1 : 0) + "–" + ms(u.maxMs());
        }
        if (d instanceof Distribution.Exponential e) {
            return "exp(mean " + ms(e.meanMs()) + ")";
        }
        if (d instanceof Distribution.Normal n) {
            return number(n.mean(), Math.abs(n.mean()) < 10 ? 1 : 0) + " ± " + ms(n.stddevMs());
        }
        return ms(d.meanMs()) + " on average";
    }
}
