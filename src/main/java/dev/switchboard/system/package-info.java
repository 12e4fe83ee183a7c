/**
 * The simulated food-ordering system: services with workers and inbound lines, links of three
 * styles, the broker queue and the MealReady subscription, the delivery agents, injected faults,
 * and the {@link dev.switchboard.system.Simulation} facade that runs it and emits the trace.
 */
package dev.switchboard.system;
