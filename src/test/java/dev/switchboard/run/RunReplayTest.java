package dev.switchboard.run;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunReplayTest {

    private static Flow hybrid() throws Exception {
        return FlowLoader.loadSample("hybrid-order.json");
    }

    /** Plays a run the way the window does: pulses of time, single steps, commands between them. */
    private static Run played(Flow flow, List<TraceEvent> trace) {
        Run run = new Run(flow);
        run.addListener(trace::add);
        run.start();
        run.runUntil(1_500);
        run.apply(new Command.SetSlowdown(ServiceId.KITCHEN, 5));
        for (int i = 0; i < 7; i++) {
            run.step();
        }
        run.apply(new Command.PlaceOrders(3));
        run.step();
        run.apply(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC));
        run.runUntil(4_000.25);
        run.apply(new Command.SetServiceDown(ServiceId.INVENTORY, true));
        run.runUntil(6_000);
        run.apply(new Command.SetServiceDown(ServiceId.INVENTORY, false));
        run.runToEnd();
        return run;
    }

    @Test
    void replayingARecordingGivesTheSameTraceEventForEvent() throws Exception {
        List<TraceEvent> first = new ArrayList<>();
        Run run = played(hybrid(), first);
        Recording recording = run.applied();
        assertEquals(5, recording.commands().size());

        List<TraceEvent> again = new ArrayList<>();
        Run replay = Run.replay(recording, again::add);
        assertEquals(first, again);
        assertEquals(run.executedEvents(), replay.executedEvents());
        assertEquals(recording, replay.applied());
    }

    @Test
    void steppingThroughAReplayGivesTheSameTraceAsRunningItToTheEnd() throws Exception {
        List<TraceEvent> first = new ArrayList<>();
        Recording recording = played(hybrid(), first).applied();
        List<TraceEvent> stepped = new ArrayList<>();
        Run run = new Run(recording);
        run.addListener(stepped::add);
        run.start();
        // the headless runner's loop: a command given after the clock moved on is applied at its own time
        while (run.hasPendingEvents() && run.step()) {
            // step by step
        }
        assertEquals(first, stepped);
    }

    @Test
    void runningAReplayToAMomentGivesThePrefixOfTheTraceUpToThatMoment() throws Exception {
        List<TraceEvent> first = new ArrayList<>();
        Recording recording = played(hybrid(), first).applied();
        for (double cutMs : new double[] {0, 1_500, 2_000, 4_000.25, 5_123, 6_000}) {
            List<TraceEvent> prefix = new ArrayList<>();
            Run run = new Run(recording);
            run.addListener(prefix::add);
            run.start();
            run.runUntil(cutMs);
            assertEquals(first.subList(0, prefix.size()), prefix, "at " + cutMs + " ms");
            long expected = first.stream().filter(e -> e.timeMs() <= cutMs).count();
            assertEquals(expected, prefix.size(), "events up to " + cutMs + " ms");
            assertEquals(cutMs, run.nowMs());
        }
    }

    @Test
    void runningToAnEventIndexStopsBetweenTwoEventsOfTheSameInstant() throws Exception {
        List<TraceEvent> first = new ArrayList<>();
        Run original = played(hybrid(), first);
        StampedCommand placedWhileStepping = original.applied().commands().get(1);
        List<TraceEvent> prefix = new ArrayList<>();
        Run run = new Run(original.applied());
        run.addListener(prefix::add);
        run.start();
        assertTrue(run.runTo(placedWhileStepping.atEvent(), placedWhileStepping.atMs()));
        assertTrue(prefix.stream().anyMatch(e -> e instanceof TraceEvent.CommandApplied c
                && c.command() instanceof Command.PlaceOrders), "the command given there is shown");
        assertFalse(prefix.stream().anyMatch(e -> e instanceof TraceEvent.CommandApplied c
                && c.command() instanceof Command.SetLinkStyle), "the command one step later is not");
        assertEquals(placedWhileStepping.atEvent(), run.executedEvents());
        assertEquals(first.subList(0, prefix.size()), prefix);
    }

    @Test
    void aNewCommandBeforeTheRecordedOnesForksTheRunAndLeavesTheRecordingAsItWas() throws Exception {
        List<TraceEvent> first = new ArrayList<>();
        Recording original = played(hybrid(), first).applied();
        Run fork = new Run(original);
        List<TraceEvent> forked = new ArrayList<>();
        fork.addListener(forked::add);
        fork.start();
        fork.runUntil(3_000);
        assertFalse(fork.hasForked());
        fork.apply(new Command.SetWorkers(ServiceId.KITCHEN, 6));
        assertTrue(fork.hasForked());
        assertFalse(fork.hasPendingCommands());
        fork.runToEnd();

        assertEquals(4, fork.applied().commands().size(), "three reached before 3 s, then the new one");
        assertNotEquals(first, forked);
        List<TraceEvent> originalAgain = new ArrayList<>();
        Run.replay(original, originalAgain::add);
        assertEquals(first, originalAgain);
    }

    @Test
    void aCommandStampedAfterTheRunsEndIsAClearReplayError() throws Exception {
        Flow flow = hybrid();
        Recording bad = new Recording(flow, List.of(new StampedCommand(50_000_000, 1, new Command.PlaceOrders(1))));
        ReplayException e = assertThrows(ReplayException.class, () -> Run.replay(bad));
        assertTrue(e.getMessage().contains("ends after"), e.getMessage());
    }

    @Test
    void aRecordingKeepsItsCommandsInTheOrderTheyWereApplied() throws Exception {
        Flow flow = hybrid();
        assertThrows(IllegalArgumentException.class, () -> new Recording(flow, List.of(
                new StampedCommand(10, 5, new Command.PlaceOrders(1)),
                new StampedCommand(9, 5, new Command.PlaceOrders(1)))));
    }
}
