package dev.switchboard.trace;

/**
 * Marks an event about the run as a whole rather than one order, service or link: the start, a
 * user's command, a scheduled fault, the discovery settings. What a command or a fault touches is
 * read from the command ({@link Command} records are scoped too) or the fault itself.
 */
public interface RunScoped {
}
