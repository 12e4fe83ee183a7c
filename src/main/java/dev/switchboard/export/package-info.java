/**
 * Exports that other tools open, each a fold of the trace: OpenTelemetry (OTLP JSON) traces, the
 * sequence diagram as Mermaid and PlantUML text, and the report as CSV. The same run gives the same
 * bytes, from the runner and from the window. No JavaFX.
 */
package dev.switchboard.export;
