package dev.switchboard.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventQueueTest {

    private record Entry(double timeMs, long sequence, Runnable action) {
    }

    @Test
    void interleavedAddsAndPollsComeOutInTheSameOrderAsAReferenceQueue() {
        EventQueue queue = new EventQueue();
        PriorityQueue<Entry> reference = new PriorityQueue<>(
                Comparator.comparingDouble(Entry::timeMs).thenComparingLong(Entry::sequence));
        SplittableRandom random = new SplittableRandom(11);
        long sequence = 0;
        double now = 0;
        for (int step = 0; step < 200_000; step++) {
            // grow the queue past its first capacity, then let it shrink and grow again
            boolean add = reference.isEmpty() || random.nextInt(100) < (step < 100_000 ? 55 : 45);
            if (add) {
                // few distinct delays, so many entries tie on time and must come out first-in first-out
                double timeMs = now + random.nextInt(20) * 0.5;
                Runnable action = () -> { };
                queue.add(timeMs, action);
                reference.add(new Entry(timeMs, sequence++, action));
            } else {
                Entry expected = reference.poll();
                assertEquals(expected.timeMs(), queue.peekTimeMs());
                assertSame(expected.action(), queue.poll());
                now = expected.timeMs();
            }
            assertEquals(reference.size(), queue.size());
        }
    }

    @Test
    void timeZeroAndNegativeZeroAreTheSameTime() {
        EventQueue queue = new EventQueue();
        List<Runnable> actions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            actions.add(() -> { });
        }
        queue.add(0.0, actions.get(0));
        queue.add(-0.0, actions.get(1));
        queue.add(1e-300, actions.get(2));
        queue.add(0.0, actions.get(3));
        assertSame(actions.get(0), queue.poll());
        assertSame(actions.get(1), queue.poll());
        assertSame(actions.get(3), queue.poll());
        assertEquals(1e-300, queue.peekTimeMs());
        assertSame(actions.get(2), queue.poll());
        assertTrue(queue.isEmpty());
    }

    @Test
    void aClearedQueueIsEmptyAndCanBeFilledAgain() {
        EventQueue queue = new EventQueue();
        for (int i = 0; i < 1000; i++) {
            queue.add(i % 7, () -> { });
        }
        queue.clear();
        assertTrue(queue.isEmpty());
        List<Runnable> actions = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Runnable action = () -> { };
            actions.add(action);
            queue.add(5, action);
        }
        for (Runnable action : actions) {
            assertSame(action, queue.poll());
        }
        assertTrue(queue.isEmpty());
    }
}
