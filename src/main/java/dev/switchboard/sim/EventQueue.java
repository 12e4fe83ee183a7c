package dev.switchboard.sim;

import java.util.Arrays;

/**
 * The future-event list: a binary min-heap over (time, insertion sequence) kept in parallel
 * arrays, so that ties run first-in first-out and scheduling allocates nothing but the action.
 */
final class EventQueue {
    private double[] timesMs = new double[256];
    private long[] sequences = new long[256];
    private Runnable[] actions = new Runnable[256];
    private int size;
    private long nextSequence;

    void add(double timeMs, Runnable action) {
        if (size == timesMs.length) {
            int capacity = size * 2;
            timesMs = Arrays.copyOf(timesMs, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            actions = Arrays.copyOf(actions, capacity);
        }
        long sequence = nextSequence++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(timeMs, sequence, timesMs[parent], sequences[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        timesMs[i] = timeMs;
        sequences[i] = sequence;
        actions[i] = action;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Time of the earliest event; only valid when not empty. */
    double peekTimeMs() {
        return timesMs[0];
    }

    /** Removes the earliest event and returns its action; its time is {@link #peekTimeMs()} before the call. */
    Runnable poll() {
        Runnable first = actions[0];
        int last = --size;
        double lastTime = timesMs[last];
        long lastSequence = sequences[last];
        Runnable lastAction = actions[last];
        actions[last] = null;
        if (last > 0) {
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < last && before(timesMs[right], sequences[right], timesMs[child], sequences[child])) {
                    child = right;
                }
                if (!before(timesMs[child], sequences[child], lastTime, lastSequence)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            timesMs[i] = lastTime;
            sequences[i] = lastSequence;
            actions[i] = lastAction;
        }
        return first;
    }

    void clear() {
        Arrays.fill(actions, 0, size, null);
        size = 0;
    }

    private void move(int from, int to) {
        timesMs[to] = timesMs[from];
        sequences[to] = sequences[from];
        actions[to] = actions[from];
    }

    private static boolean before(double timeA, long seqA, double timeB, long seqB) {
        return timeA < timeB || (timeA == timeB && seqA < seqB);
    }
}
