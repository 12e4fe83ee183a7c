package dev.switchboard.sim;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A non-negative random duration in milliseconds. Sampling uses {@link StrictMath} so the same
 * stream gives the same numbers on every JVM.
 */
public sealed interface Distribution {

    double sample(SplittableRandom random);

    double meanMs();

    /** The JSON form of a flow file, e.g. {@code {"uniform": [300, 900]}}. */
    String toJson();

    Distribution ZERO = new Fixed(0);

    static Distribution fixed(double valueMs) {
        return new Fixed(valueMs);
    }

    record Fixed(double valueMs) implements Distribution {
        public Fixed {
            requireNonNegative("fixed value", valueMs);
        }

        @Override
        public double sample(SplittableRandom random) {
            return valueMs;
        }

        @Override
        public double meanMs() {
            return valueMs;
        }

        @Override
        public String toJson() {
            return "{\"fixed\": " + number(valueMs) + "}";
        }
    }

    record Uniform(double minMs, double maxMs) implements Distribution {
        public Uniform {
            requireNonNegative("uniform minimum", minMs);
            requireNonNegative("uniform maximum", maxMs);
            if (maxMs < minMs) {
                throw new IllegalArgumentException("uniform maximum " + number(maxMs) + " is below its minimum " + number(minMs));
            }
        }

        @Override
        public double sample(SplittableRandom random) {
            return minMs + (maxMs - minMs) * random.nextDouble();
        }

        @Override
        public double meanMs() {
            return (minMs + maxMs) / 2;
        }

        @Override
        public String toJson() {
            return "{\"uniform\": [" + number(minMs) + ", " + number(maxMs) + "]}";
        }
    }

    record Exponential(double meanMs) implements Distribution {
        public Exponential {
            requireNonNegative("exponential mean", meanMs);
        }

        @Override
        public double sample(SplittableRandom random) {
            return -meanMs * StrictMath.log(1.0 - random.nextDouble());
        }

        @Override
        public String toJson() {
            return "{\"exponential\": " + number(meanMs) + "}";
        }
    }

    /** A normal distribution truncated at 0 by redrawing negative samples (bounded, then clamped). */
    record Normal(double mean, double stddevMs) implements Distribution {
        public Normal {
            requireNonNegative("normal mean", mean);
            requireNonNegative("normal standard deviation", stddevMs);
        }

        @Override
        public double sample(SplittableRandom random) {
            for (int attempt = 0; attempt < 16; attempt++) {
                double u1 = 1.0 - random.nextDouble();
                double u2 = random.nextDouble();
                double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
                double x = mean + stddevMs * z;
                if (x >= 0) {
                    return x;
                }
            }
            return 0;
        }

        @Override
        public double meanMs() {
            return mean;
        }

        @Override
        public String toJson() {
            return "{\"normal\": [" + number(mean) + ", " + number(stddevMs) + "]}";
        }
    }

    /** A parameter is a duration: from 0 to {@link TimeLimits#MAX_DURATION_MS}, so no sample or sum of samples overflows. */
    private static void requireNonNegative(String what, double value) {
        TimeLimits.requireDuration(what, value, false);
    }

    /** Formats a number without a trailing ".0" so it reads like the flow file. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }
}
