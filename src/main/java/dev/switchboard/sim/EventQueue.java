package dev.switchboard.sim;

import java.util.Arrays;

/**
 * The future-event list: a binary min-heap over (time, insertion sequence), so that ties run
 * first-in first-out and scheduling allocates nothing but the action. Times must be finite and
 * {@code >= 0} (the {@link Simulator} checks), which lets a time be compared by its bits.
 */
final class EventQueue {
    private static final int INITIAL_CAPACITY = 256;

    /**
     * Heap entry i's key is keys[2i] (the time's bits: for non-negative doubles the bit patterns
     * sort like the values) and keys[2i+1] (its sequence); both in one array put a node's key in
     * one cache line. slots[i] says where its action is.
     */
    private long[] keys = new long[2 * INITIAL_CAPACITY];
    private int[] slots = new int[INITIAL_CAPACITY];
    /**
     * The actions stay in their slot while the heap moves only numbers: storing a reference into
     * a long-lived array costs a garbage-collector write barrier each time, and a sift moves an
     * entry once per level.
     */
    private Runnable[] actions = new Runnable[INITIAL_CAPACITY];
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int size;
    private long nextSequence;

    EventQueue() {
        for (int slot = INITIAL_CAPACITY - 1; slot >= 0; slot--) {
            freeSlots[freeCount++] = slot;
        }
    }

    void add(double timeMs, Runnable action) {
        if (size == slots.length) {
            grow();
        }
        int slot = freeSlots[--freeCount];
        actions[slot] = action;
        // + 0.0 turns -0.0, whose bits would sort first, into +0.0
        siftUp(size++, Double.doubleToRawLongBits(timeMs + 0.0), nextSequence++, slot);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Time of the earliest event; only valid when not empty. */
    double peekTimeMs() {
        return Double.longBitsToDouble(keys[0]);
    }

    /** Removes the earliest event and returns its action; its time is {@link #peekTimeMs()} before the call. */
    Runnable poll() {
        long[] k = keys;
        int[] s = slots;
        int firstSlot = s[0];
        Runnable first = actions[firstSlot];
        actions[firstSlot] = null;
        freeSlots[freeCount++] = firstSlot;
        int last = --size;
        if (last == 0) {
            return first;
        }
        long lastTime = k[last << 1];
        long lastSequence = k[(last << 1) + 1];
        int lastSlot = s[last];
        // Floyd's removal: walk the hole down to a leaf along the earlier child (one comparison
        // per level instead of two), then put the last entry there and let it rise; it rarely does.
        int i = 0;
        int child;
        while ((child = (i << 1) + 1) < last) {
            int right = child + 1;
            if (right < last) {
                // Times are non-negative, so their bits subtract without overflow; taking the sign
                // bit picks the earlier child without a branch, which the CPU could not predict.
                long difference = k[right << 1] - k[child << 1];
                if (difference != 0) {
                    child += (int) (difference >>> 63);
                } else if (k[(right << 1) + 1] < k[(child << 1) + 1]) {
                    child = right;
                }
            }
            k[i << 1] = k[child << 1];
            k[(i << 1) + 1] = k[(child << 1) + 1];
            s[i] = s[child];
            i = child;
        }
        siftUp(i, lastTime, lastSequence, lastSlot);
        return first;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            actions[slots[i]] = null;
            freeSlots[freeCount++] = slots[i];
        }
        size = 0;
    }

    private void siftUp(int index, long time, long sequence, int slot) {
        long[] k = keys;
        int[] s = slots;
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long parentTime = k[parent << 1];
            if (parentTime < time || (parentTime == time && k[(parent << 1) + 1] < sequence)) {
                break;
            }
            k[i << 1] = parentTime;
            k[(i << 1) + 1] = k[(parent << 1) + 1];
            s[i] = s[parent];
            i = parent;
        }
        k[i << 1] = time;
        k[(i << 1) + 1] = sequence;
        s[i] = slot;
    }

    private void grow() {
        int oldCapacity = slots.length;
        int capacity = oldCapacity * 2;
        keys = Arrays.copyOf(keys, 2 * capacity);
        slots = Arrays.copyOf(slots, capacity);
        actions = Arrays.copyOf(actions, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
        for (int slot = capacity - 1; slot >= oldCapacity; slot--) {
            freeSlots[freeCount++] = slot;
        }
    }
}
