package dev.switchboard.trace;

import dev.switchboard.sim.Distribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one formatter prints what a person expects, never a binary fraction. */
class NumbersTest {

    @Test
    void aScaledUniformDistributionReadsAsWholeMillisecondsNotABinaryFraction() {
        // 300–900 ms slowed down by ×8.333… is what produced "2500–7500.000000000001 ms"
        Distribution slowed = new Distribution.Uniform(2500, 7500.000000000001);
        assertEquals("2500–7500 ms", Numbers.distribution(slowed));
        assertEquals("20 ms", Numbers.distribution(new Distribution.Fixed(20)));
        assertEquals("exp(mean 400 ms)", Numbers.distribution(new Distribution.Exponential(400.0000001)));
        assertEquals("0.5–1.5 ms", Numbers.distribution(new Distribution.Uniform(0.5, 1.5)));
    }

    @Test
    void numbersDropTrailingZerosAndRoundToTheirDecimals() {
        assertEquals("7500", Numbers.number(7500.000000000001));
        assertEquals("0.25", Numbers.number(0.25));
        assertEquals("0.1", Numbers.number(0.1 + 0.2 - 0.2));
        assertEquals("0", Numbers.number(-0.0001));
        assertEquals("1000 ms", Numbers.ms(999.7));
        assertEquals("2.5 ms", Numbers.ms(2.5));
    }

    @Test
    void aHugeNumberIsShownWithAnExponentNotAsHundredsOfDigits() {
        assertEquals("1e308", Numbers.number(1e308));
        assertEquals("1.8e308", Numbers.number(1.7976931348623157e308));
        assertEquals("-2.5e20 ms", Numbers.ms(-2.5e20));
        assertEquals("999999999999999", Numbers.number(999_999_999_999_999.0));
    }

    @Test
    void sharesFactorsAndDurationsReadTheSameEverywhere() {
        assertEquals("5%", Numbers.percent(0.05));
        assertEquals("12.5%", Numbers.percent(0.125));
        assertEquals("0%", Numbers.percent(0));
        assertEquals("×2", Numbers.factor(2));
        assertEquals("×1.5", Numbers.factor(1.5));
        assertEquals("820 ms", Numbers.duration(820));
        assertEquals("1.2 s", Numbers.duration(1230));
        assertEquals("3 min", Numbers.duration(180_000));
        assertEquals("12.345 s", Numbers.clock(12_345));
    }

    @Test
    void countsSayOnceAndTwiceAndUseTheRightNoun() {
        assertEquals("once", Numbers.times(1));
        assertEquals("twice", Numbers.times(2));
        assertEquals("3 times", Numbers.times(3));
        assertEquals("1 message", Numbers.count(1, "message", "messages"));
        assertEquals("4 messages", Numbers.count(4, "message", "messages"));
    }
}
