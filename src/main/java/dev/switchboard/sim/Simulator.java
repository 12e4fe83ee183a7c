package dev.switchboard.sim;

/**
 * A single-threaded discrete-event simulator with a virtual clock in milliseconds. Actions are
 * scheduled as lambdas; the clock only moves when an event runs. It never starts threads, so a
 * caller (a window's animation pulse, a headless runner, a test) advances it explicitly.
 */
public final class Simulator {
    private final EventQueue queue = new EventQueue();
    private double nowMs;
    private long executedEvents;

    public double nowMs() {
        return nowMs;
    }

    /** Events run so far. */
    public long executedEvents() {
        return executedEvents;
    }

    public int pendingEvents() {
        return queue.size();
    }

    public boolean hasPendingEvents() {
        return !queue.isEmpty();
    }

    /** Virtual time of the next event, or {@link Double#POSITIVE_INFINITY} when none is pending. */
    public double nextEventTimeMs() {
        return queue.isEmpty() ? Double.POSITIVE_INFINITY : queue.peekTimeMs();
    }

    public void schedule(double delayMs, Runnable action) {
        if (!(delayMs >= 0) || Double.isInfinite(delayMs)) {
            throw new IllegalArgumentException("delay must be finite and >= 0 but was " + delayMs);
        }
        queue.add(nowMs + delayMs, action);
    }

    public void scheduleAt(double timeMs, Runnable action) {
        if (!(timeMs >= nowMs) || Double.isInfinite(timeMs)) {
            throw new IllegalArgumentException("time " + timeMs + " is before now (" + nowMs + ") or not finite");
        }
        queue.add(timeMs, action);
    }

    /** Runs exactly one event; returns false when there was none. */
    public boolean step() {
        if (queue.isEmpty()) {
            return false;
        }
        nowMs = queue.peekTimeMs();
        Runnable action = queue.poll();
        executedEvents++;
        action.run();
        return true;
    }

    /** Runs every event with time at or before {@code timeMs}, then sets the clock to {@code timeMs}. */
    public void runUntil(double timeMs) {
        while (!queue.isEmpty() && queue.peekTimeMs() <= timeMs) {
            step();
        }
        if (timeMs > nowMs && !Double.isInfinite(timeMs)) {
            nowMs = timeMs;
        }
    }

    /** Runs until no event is pending. */
    public void runToEnd() {
        while (step()) {
            // each step runs one event
        }
    }

    /** Runs until no event is pending or {@code maxEvents} more have run; returns how many ran. */
    public long runEvents(long maxEvents) {
        long ran = 0;
        while (ran < maxEvents && step()) {
            ran++;
        }
        return ran;
    }
}
