/**
 * Spans per order: a fold of the trace into the hops of each order (waits in a line, work, blocked
 * calls, travel on links, the wait for a delivery agent, the trip), nested as they happened. The
 * waterfall, the sequence diagram and the OpenTelemetry export all read this one model. No JavaFX.
 */
package dev.switchboard.trace.spans;
