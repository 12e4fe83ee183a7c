/**
 * Side by side: two runs of the same flow and seed, each with its own overrides, on one virtual
 * clock, so that every command lands on the same virtual time on both sides and both get the same
 * customers (the same orders at the same times). Their figures come from the same {@code Metrics}
 * and report the runner prints, set beside each other with the difference and a verdict in plain
 * words; presets name the differences worth showing. No JavaFX here; the window's compare mode and
 * the {@code compare} command are views over these classes.
 */
package dev.switchboard.compare;
