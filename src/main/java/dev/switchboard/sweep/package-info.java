/**
 * What-if sweeps: a flow run at every combination of a few varied settings, each with several
 * seeds, on all cores, summarised per point as the report's headline figures with a confidence
 * interval across seeds, and the queueing theory beside them where it has an answer. Every
 * simulation stays single-threaded and deterministic, so the results do not depend on the number
 * of threads. No JavaFX here.
 */
package dev.switchboard.sweep;
