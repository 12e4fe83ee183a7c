/**
 * The headless runner: {@code run} plays a flow to the end without a window and prints its report
 * (or writes its trace), {@code bench} measures the engine and a long hybrid run. No JavaFX here.
 */
package dev.switchboard.cli;
