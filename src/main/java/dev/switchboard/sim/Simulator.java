package dev.switchboard.sim;

/**
 * A single-threaded discrete-event simulator with a virtual clock in milliseconds. Actions are
 * scheduled as lambdas; the clock only moves when an event runs. It never starts threads, so a
 * caller (a window's animation pulse, a headless runner, a test) advances it explicitly.
 * Background (daemon) events, such as periodic heartbeats, run like any other but do not keep a
 * run going: {@link #runToEnd()} stops when only they are left.
 */
public final class Simulator {
    private final EventQueue queue = new EventQueue();
    private double nowMs;
    private long executedEvents;
    private int pendingWork;
    private int holds;

    /** Marks a background action, so the simulator can tell it from work. */
    private record Daemon(Runnable action) implements Runnable {
        @Override
        public void run() {
            action.run();
        }
    }

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

    /** Whether any event other than background ones is still scheduled, or something holds the run open. */
    public boolean hasPendingEvents() {
        return pendingWork > 0 || (holds > 0 && !queue.isEmpty());
    }

    /**
     * Keeps the run going through background events until {@link #release()}: for something that
     * only a background timer may still settle (a message waiting for its acknowledgement).
     */
    public void hold() {
        holds++;
    }

    public void release() {
        if (holds == 0) {
            throw new IllegalStateException("release() without hold()");
        }
        holds--;
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
        pendingWork++;
    }

    /** Schedules a background action that does not by itself keep the run going. */
    public void scheduleDaemon(double delayMs, Runnable action) {
        if (!(delayMs >= 0) || Double.isInfinite(delayMs)) {
            throw new IllegalArgumentException("delay must be finite and >= 0 but was " + delayMs);
        }
        queue.add(nowMs + delayMs, new Daemon(action));
    }

    public void scheduleAt(double timeMs, Runnable action) {
        if (!(timeMs >= nowMs) || Double.isInfinite(timeMs)) {
            throw new IllegalArgumentException("time " + timeMs + " is before now (" + nowMs + ") or not finite");
        }
        queue.add(timeMs, action);
        pendingWork++;
    }

    /**
     * Runs exactly one event; returns false when there was none.
     *
     * @throws VirtualTimeLimitException when the next event is later than {@link TimeLimits#MAX_TIME_MS}
     */
    public boolean step() {
        if (queue.isEmpty()) {
            return false;
        }
        double nextMs = queue.peekTimeMs();
        if (nextMs > TimeLimits.MAX_TIME_MS) {
            throw new VirtualTimeLimitException(nextMs);
        }
        nowMs = nextMs;
        Runnable action = queue.poll();
        if (!(action instanceof Daemon)) {
            pendingWork--;
        }
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

    /** Runs until no event but background ones is pending and nothing holds the run open. */
    public void runToEnd() {
        while ((pendingWork > 0 || holds > 0) && step()) {
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
