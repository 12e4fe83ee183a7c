package dev.switchboard.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepAxisTest {

    @Test
    void aRangeCountsUpByOneAndAStepsRangeByItsStepWithoutRoundingDrift() {
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), SweepAxis.values("1..6"));
        assertEquals(List.of("100", "300", "500", "700", "900"), SweepAxis.values("100..900:200"));
        assertEquals(List.of("100", "300", "500", "700"), SweepAxis.values("100..800:200"), "stops at or before the end");
        assertEquals(List.of("0.1", "0.2", "0.3"), SweepAxis.values("0.1..0.3:0.1"));
        assertEquals(List.of("7"), SweepAxis.values("7..7"));
    }

    @Test
    void aListKeepsItsOrderAndItsJsonEntriesWhole() {
        assertEquals(List.of("sync", "queue"), SweepAxis.values("sync,queue"));
        assertEquals(List.of("{\"exponential\":100}", "{\"uniform\":[1,2]}"),
                SweepAxis.values("{\"exponential\":100}, {\"uniform\":[1,2]}"));
    }

    @Test
    void badRangesAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.values("6..1")).getMessage()
                .contains("runs backwards"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.values("1..6:0")).getMessage()
                .contains("must be more than 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.values("1..x")).getMessage()
                .contains("is not a range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.values("1..100000")).getMessage()
                .contains("at most 1000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.values("sync,,queue")).getMessage()
                .contains("empty value"));
    }

    @Test
    void anAxisReadsItsPathInEitherForm() {
        SweepAxis axis = SweepAxis.parse("links.order->kitchen.style=sync,queue");
        assertEquals("links[\"order->kitchen\"].style", axis.pathText());
        assertEquals(axis.path(), SweepAxis.parse("links[\"order->kitchen\"].style=sync").path());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("services.kitchen.workers"))
                .getMessage().contains("PATH=VALUES"));
    }
}
