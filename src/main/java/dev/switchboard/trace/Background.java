package dev.switchboard.trace;

/**
 * Marks background chatter: an event that repeats on a timer and says nothing new about any order
 * (a registry heartbeat, a caller's cache refresh). The narration hides it unless asked, and a
 * caption never shows it.
 */
public interface Background {
}
