/**
 * The animated diagram of the Switchboard window: {@link dev.switchboard.ui.diagram.DiagramState}
 * rebuilds what the diagram shows from the trace alone (plain Java, testable without a window),
 * {@link dev.switchboard.ui.diagram.DiagramView} draws it — services, broker queue and topic as
 * clickable nodes, the resilience marks (breaker badges, dead-letter queues, instance bands, the
 * service registry), tokens on a canvas layered over them — and {@link dev.switchboard.ui.diagram.Legend}
 * explains the token shapes and colours. {@link dev.switchboard.ui.diagram.DiagramFrameBench} measures
 * the frame rate with over a thousand tokens in flight.
 */
package dev.switchboard.ui.diagram;
