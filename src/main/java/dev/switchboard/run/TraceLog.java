package dev.switchboard.run;

import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trace of one branch of a run as far as it has been played, each event with the number of
 * engine events that had run when it was emitted. Any moment up to the newest is a prefix of it, so
 * a window going back in time folds a prefix into fresh readers without running the engine again.
 * Events are in emission order, which is also time order.
 */
public final class TraceLog {
    private final List<TraceEvent> events = new ArrayList<>();
    private long[] eventsRun = new long[1024];
    private final java.util.BitSet stepStarts = new java.util.BitSet();

    /**
     * Adds an event. It starts a new step when another engine event emitted it than the one before,
     * or when it is a command (a command and what it set off are one step of their own).
     */
    public void append(TraceEvent event, long engineEventsRun) {
        int n = events.size();
        if (n == eventsRun.length) {
            eventsRun = Arrays.copyOf(eventsRun, n * 2);
        }
        eventsRun[n] = engineEventsRun;
        stepStarts.set(n, n == 0 || eventsRun[n - 1] != engineEventsRun || event instanceof TraceEvent.CommandApplied);
        events.add(event);
    }

    public int size() {
        return events.size();
    }

    public TraceEvent event(int index) {
        return events.get(index);
    }

    /** The first {@code count} events, read-only (a view: copy it to keep it past the next change). */
    public List<TraceEvent> prefix(int count) {
        return java.util.Collections.unmodifiableList(events.subList(0, count));
    }

    /** Engine events that had run when event {@code index} was emitted. */
    public long eventsRun(int index) {
        return eventsRun[index];
    }

    /** Keeps the first {@code size} events: the branch forks after them. */
    public void truncate(int size) {
        if (size < events.size()) {
            stepStarts.clear(size, events.size());
            events.subList(size, events.size()).clear();
        }
    }

    public void clear() {
        stepStarts.clear();
        events.clear();
    }

    /** How many events have a time at or before {@code timeMs}: the prefix shown at that time. */
    public int countUpToTime(double timeMs) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).timeMs() <= timeMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The end of the step that starts at event {@code from}: every event emitted by the same engine
     * event belongs to one step, and so does a command with what it set off.
     */
    public int stepEnd(int from) {
        if (from >= events.size()) {
            return from;
        }
        int next = stepStarts.nextSetBit(from + 1);
        return next < 0 || next > events.size() ? events.size() : next;
    }

    /** The start of the step that ends just before {@code end}: going back one step from a prefix of {@code end} events. */
    public int stepStart(int end) {
        if (end <= 0) {
            return 0;
        }
        return Math.max(0, stepStarts.previousSetBit(end - 1));
    }
}
