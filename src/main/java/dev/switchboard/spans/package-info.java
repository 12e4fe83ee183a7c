/**
 * Folds of the trace that explain where an order's time went, with no window: the sequence
 * diagram's arrows, blocked bars, queue waits and marks ({@link dev.switchboard.spans.SequenceModel}),
 * and each order's spans hop by hop with the critical path of its latencies
 * ({@link dev.switchboard.spans.OrderSpans}). The why-window draws them; exports may read them too.
 */
package dev.switchboard.spans;
