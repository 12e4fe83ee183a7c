package dev.switchboard.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes JSON strings and numbers the same way on every run and every JVM: numbers are rounded
 * to a fixed number of decimals with trailing zeros dropped and never use an exponent, so output
 * does not depend on how a JDK version prints doubles.
 */
public final class JsonText {
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    private JsonText() {
    }

    /** Appends {@code value} rounded to at most {@code decimals} (0..9) decimals; not-finite becomes null. */
    public static void appendNumber(StringBuilder out, double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.append("null");
            return;
        }
        long scale = POWERS_OF_TEN[decimals];
        double scaled = value * scale;
        if (Math.abs(scaled) >= 9.0e18) {
            // too large for the fast path; rare enough that BigDecimal's cost does not matter
            out.append(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString());
            return;
        }
        long units = Math.round(scaled);
        if (units < 0) {
            out.append('-');
            units = -units;
        }
        long whole = units / scale;
        long fraction = units % scale;
        out.append(whole);
        if (fraction != 0) {
            out.append('.');
            // the fraction's digits with leading zeros, e.g. 5 of 3 decimals is "005", then trailing zeros cut
            long divisor = scale / 10;
            while (fraction != 0) {
                long digit = fraction / divisor;
                out.append((char) ('0' + digit));
                fraction -= digit * divisor;
                divisor /= 10;
            }
        }
    }

    public static String number(double value, int decimals) {
        StringBuilder out = new StringBuilder();
        appendNumber(out, value, decimals);
        return out.toString();
    }

    /** Appends {@code text} as a quoted JSON string, escaping what JSON requires. */
    public static void appendString(StringBuilder out, String text) {
        out.append('"');
        if (!needsEscape(text)) {
            out.append(text).append('"');
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
