package dev.switchboard.run;

/**
 * A recording that does not fit its flow: a command stamped at a place the run never reaches, or
 * at a time the run has already passed (a recording edited by hand, or made by another version).
 */
public final class ReplayException extends IllegalStateException {
    public ReplayException(String message) {
        super(message);
    }
}
