/**
 * Folds of the trace for the why-window, with no window: the sequence diagram's arrows, blocked bars,
 * queue waits and marks ({@link dev.switchboard.spans.SequenceModel}) and the charts' live figures.
 * Each order's spans are {@link dev.switchboard.trace.spans}'s, the same the OTLP export reads.
 */
package dev.switchboard.spans;
