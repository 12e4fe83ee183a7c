package dev.switchboard.sim;

/**
 * A run reached an event later than {@link TimeLimits#MAX_TIME_MS}: it stops there rather than go
 * on with times rounded to whole milliseconds or worse.
 */
public final class VirtualTimeLimitException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final double eventTimeMs;

    public VirtualTimeLimitException(double eventTimeMs) {
        super("the run reached an event at t = " + Distribution.number(eventTimeMs) + " ms, past the latest virtual time"
                + " the engine keeps exact (" + TimeLimits.MAX_TIME_TEXT + ")");
        this.eventTimeMs = eventTimeMs;
    }

    public double eventTimeMs() {
        return eventTimeMs;
    }
}
