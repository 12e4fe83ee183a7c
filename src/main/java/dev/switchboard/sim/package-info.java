/**
 * The discrete-event engine: a virtual clock, a future-event list ordered by (time, insertion
 * sequence), named seeded random streams and the distributions sampled from them. It knows
 * nothing of services, orders or JavaFX.
 */
package dev.switchboard.sim;
