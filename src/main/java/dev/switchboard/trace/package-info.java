/**
 * The trace: the one stream of events a run emits, what each event is about (the {@code *Scoped}
 * interfaces its records implement), the commands users send into a run, and the readers that need
 * no window — metrics, the report and the JSON-lines writer.
 */
package dev.switchboard.trace;
