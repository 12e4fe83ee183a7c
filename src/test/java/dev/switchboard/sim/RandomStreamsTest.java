package dev.switchboard.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aKeyedNumberIsTheKeysWhateverIsAskedBeforeIt() {
        KeyedUniform stock = new RandomStreams(42).keyed("stock");
        double seventeen = stock.uniform(17);
        for (long key = 1; key < 1000; key++) {
            stock.uniform(key);
        }
        assertEquals(seventeen, stock.uniform(17));
        assertEquals(seventeen, new RandomStreams(42).keyed("stock").uniform(17));
        assertNotEquals(seventeen, new RandomStreams(43).keyed("stock").uniform(17));
        assertNotEquals(seventeen, new RandomStreams(42).keyed("other").uniform(17));
    }

    @Test
    void keyedNumbersAreUniformOverConsecutiveKeys() {
        KeyedUniform stock = new RandomStreams(42).keyed("stock");
        int keys = 200_000;
        int[] deciles = new int[10];
        int underFivePercent = 0;
        for (long key = 1; key <= keys; key++) {
            double u = stock.uniform(key);
            assertTrue(u >= 0 && u < 1, "out of [0, 1): " + u);
            deciles[(int) (u * 10)]++;
            if (u < 0.05) {
                underFivePercent++;
            }
        }
        // each decile holds a tenth: a binomial with sd ≈ 134, so 5 sd is about 670
        for (int count : deciles) {
            assertTrue(Math.abs(count - keys / 10) < 700, "a decile holds " + count + " of " + keys);
        }
        // a stock-out rate of 5 % turns away 5 % of the orders (sd ≈ 97)
        assertTrue(Math.abs(underFivePercent - keys * 0.05) < 500, underFivePercent + " under 0.05");
    }
}
