/**
 * Spans per order: one fold of the trace into the hops of each order (waits in a line, work, blocked
 * calls, travel on links, retry back-offs, the wait for a delivery agent, the trip), nested as they
 * happened, with the critical paths of its two latencies. The OpenTelemetry export and the why-window's
 * waterfall both read this one projection, so they cannot disagree. No JavaFX.
 */
package dev.switchboard.trace.spans;
