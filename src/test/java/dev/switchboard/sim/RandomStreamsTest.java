package dev.switchboard.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RandomStreamsTest {

    @Test
    void drawingFromOneStreamDoesNotShiftAnother() {
        RandomStreams quiet = new RandomStreams(42);
        double expected = quiet.stream("latency:order->kitchen").nextDouble();

        RandomStreams busy = new RandomStreams(42);
        for (int i = 0; i < 1000; i++) {
            busy.stream("work:kitchen").nextDouble();
        }
        assertEquals(expected, busy.stream("latency:order->kitchen").nextDouble());
    }

    @Test
    void streamsDifferByNameAndBySeed() {
        assertNotEquals(new RandomStreams(1).stream("a").nextLong(), new RandomStreams(1).stream("b").nextLong());
        assertNotEquals(new RandomStreams(1).stream("a").nextLong(), new RandomStreams(2).stream("a").nextLong());
        assertEquals(new RandomStreams(9).stream("a").nextLong(), new RandomStreams(9).stream("a").nextLong());
    }
}
