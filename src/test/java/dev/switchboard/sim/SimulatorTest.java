package dev.switchboard.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorTest {

    @Test
    void eventsRunInTimeOrderAndTiesRunFirstInFirstOut() {
        Simulator sim = new Simulator();
        List<String> ran = new ArrayList<>();
        sim.schedule(30, () -> ran.add("c"));
        sim.schedule(10, () -> ran.add("a1"));
        sim.schedule(20, () -> ran.add("b"));
        sim.schedule(10, () -> ran.add("a2"));
        sim.schedule(10, () -> ran.add("a3"));
        sim.runToEnd();
        assertEquals(List.of("a1", "a2", "a3", "b", "c"), ran);
        assertEquals(30, sim.nowMs());
        assertEquals(5, sim.executedEvents());
    }

    @Test
    void aLargeRandomScheduleComesOutSortedWithStableTies() {
        Simulator sim = new Simulator();
        SplittableRandom random = new SplittableRandom(7);
        List<double[]> ran = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            double t = random.nextInt(100);
            int id = i;
            sim.schedule(t, () -> ran.add(new double[] {sim.nowMs(), id}));
        }
        sim.runToEnd();
        for (int i = 1; i < ran.size(); i++) {
            double[] a = ran.get(i - 1);
            double[] b = ran.get(i);
            assertTrue(a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]), "out of order at " + i);
        }
    }

    @Test
    void stepRunsExactlyOneEventAndMovesTheClockToIt() {
        Simulator sim = new Simulator();
        List<Integer> ran = new ArrayList<>();
        sim.schedule(5, () -> {
            ran.add(1);
            sim.schedule(5, () -> ran.add(2));
        });
        assertTrue(sim.step());
        assertEquals(List.of(1), ran);
        assertEquals(5, sim.nowMs());
        assertEquals(10, sim.nextEventTimeMs());
        assertTrue(sim.step());
        assertFalse(sim.step());
        assertEquals(Double.POSITIVE_INFINITY, sim.nextEventTimeMs());
    }

    @Test
    void runUntilRunsEventsUpToTheTimeInclusiveAndSetsTheClock() {
        Simulator sim = new Simulator();
        List<Integer> ran = new ArrayList<>();
        sim.schedule(10, () -> ran.add(10));
        sim.schedule(20, () -> ran.add(20));
        sim.schedule(21, () -> ran.add(21));
        sim.runUntil(20);
        assertEquals(List.of(10, 20), ran);
        assertEquals(20, sim.nowMs());
        sim.runUntil(20.5);
        assertEquals(20.5, sim.nowMs());
        assertEquals(1, sim.pendingEvents());
    }

    @Test
    void schedulingInThePastOrWithANegativeDelayIsRefused() {
        Simulator sim = new Simulator();
        sim.schedule(10, () -> { });
        sim.runToEnd();
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(5, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(Double.NaN, () -> { }));
    }

    @Test
    void anEventPastTheLatestVirtualTimeStopsTheRunInsteadOfRunningWithRoundedTimes() {
        Simulator sim = new Simulator();
        List<String> ran = new ArrayList<>();
        sim.schedule(TimeLimits.MAX_TIME_MS, () -> {
            ran.add("at the limit");
            sim.schedule(1, () -> ran.add("past the limit"));
        });
        assertTrue(sim.step());
        assertEquals(TimeLimits.MAX_TIME_MS, sim.nowMs());
        VirtualTimeLimitException e = assertThrows(VirtualTimeLimitException.class, sim::step);
        assertEquals(TimeLimits.MAX_TIME_MS + 1, e.eventTimeMs());
        assertEquals(List.of("at the limit"), ran);
        assertEquals(TimeLimits.MAX_TIME_MS, sim.nowMs());
    }

    @Test
    void atTheLatestVirtualTimeTheClockStillResolvesAMicrosecond() {
        assertTrue(Math.ulp(TimeLimits.MAX_TIME_MS) < 0.001, "ulp " + Math.ulp(TimeLimits.MAX_TIME_MS));
        assertTrue(TimeLimits.MAX_TIME_MS + 0.001 > TimeLimits.MAX_TIME_MS);
    }
}
