/**
 * A run as a recording: a flow (with its seed) and the commands applied to it, each stamped with
 * its place in the run, and the machinery to replay a recording to any moment and to fork it. No
 * JavaFX here; the window's timeline and branch list are views over these classes.
 */
package dev.switchboard.run;
