package dev.switchboard.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Tells a person on stderr how far a long run has got. It stays silent for the first second, so
 * short runs and tests print nothing, and then writes one line about every second.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final long startNanos;
    private long nextNanos;
    private boolean shown;

    /** {@code err} null means silent. */
    Progress(PrintStream err) {
        this.err = err;
        this.startNanos = System.nanoTime();
        this.nextNanos = startNanos + INTERVAL_NANOS;
    }

    static Progress silent() {
        return new Progress(null);
    }

    /** Called now and then during the run; prints only when a second has passed since the last line. */
    void update(long finishedOrders, long totalOrders, double simulatedMs) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (now < nextNanos) {
            return;
        }
        nextNanos = now + INTERVAL_NANOS;
        shown = true;
        String share = totalOrders > 0
                ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * finishedOrders / totalOrders) : "";
        err.printf(Locale.ROOT, "  %,d / %,d orders finished%s, %.1f s simulated, %.1f s elapsed%n",
                finishedOrders, totalOrders, share, simulatedMs / 1000, (now - startNanos) / 1e9);
    }

    /** Closes the progress lines with a summary, if any were shown. */
    void done(long finishedOrders) {
        if (err != null && shown) {
            err.printf(Locale.ROOT, "  done: %,d orders finished in %.1f s%n", finishedOrders,
                    (System.nanoTime() - startNanos) / 1e9);
        }
    }
}
