package dev.switchboard.export;

import dev.switchboard.trace.TraceListener;

/**
 * A trace listener that writes an export as the run streams; {@link #finish()} completes it once the
 * run has ended (nothing more is written after).
 */
public interface ExportSink extends TraceListener {
    void finish();
}
