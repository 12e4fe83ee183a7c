package dev.switchboard.run;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.SampleFlows;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.CustomerGauge;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.ReportJson;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlayerTest {

    /** Real folds of the trace, rebuilt on every reset: the report's metrics, the gauge, and the events seen. */
    private static final class Readers {
        Metrics metrics = new Metrics();
        CustomerGauge gauge = new CustomerGauge();
        final List<TraceEvent> seen = new ArrayList<>();
        int resets;

        void reset(Flow flow) {
            metrics = new Metrics();
            gauge = new CustomerGauge();
            seen.clear();
            resets++;
        }

        void onEvent(TraceEvent event) {
            metrics.onEvent(event);
            gauge.onEvent(event);
            seen.add(event);
        }

        /** The whole state the readers show, as data. */
        String state(double nowMs) {
            return ReportJson.write(metrics.report()) + "\n" + gauge.reading() + "\n" + seen.size();
        }
    }

    private static Player player(Readers readers) {
        return new Player((flow, rewinding) -> readers.reset(flow), readers::onEvent);
    }

    @Test
    void theStateShownAtAMomentAfterGoingBackAndForthEqualsTheStateFirstShownThere() throws Exception {
        for (var sample : SampleFlows.all()) {
            Flow flow = FlowLoader.loadSample(sample.fileName());
            Readers readers = new Readers();
            Player player = player(readers);
            player.load(Recording.of(flow), Moment.START);
            if (flow.orders().count() == 0) {
                player.apply(new Command.PlaceOrders(3));
            }
            List<Double> times = new ArrayList<>();
            List<String> states = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                player.runUntil(i * 700.0);
                if (i == 4) {
                    player.apply(new Command.SetSlowdown(ServiceId.KITCHEN, 3));
                }
                times.add(player.nowMs());
                states.add(readers.state(player.nowMs()));
            }
            SplittableRandom random = new SplittableRandom(sample.fileName().hashCode());
            for (int k = 0; k < 25; k++) {
                int i = random.nextInt(times.size());
                player.seekTo(times.get(i));
                assertEquals(states.get(i), readers.state(player.nowMs()), sample.fileName() + " at " + times.get(i) + " ms");
            }
        }
    }

    @Test
    void steppingBackThenForwardShowsEachStepAsItWasFirstShown() throws Exception {
        Readers readers = new Readers();
        Player player = player(readers);
        player.load(Recording.of(FlowLoader.loadSample("hybrid-order.json")), Moment.START);
        List<String> states = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            assertTrue(player.step());
            if (i == 20) {
                player.apply(new Command.PlaceOrders(2));
            }
            states.add(readers.state(player.nowMs()));
            sizes.add(player.shownEvents());
        }
        for (int i = states.size() - 2; i >= 40; i--) {
            assertTrue(player.stepBack());
            assertEquals(sizes.get(i), player.shownEvents(), "step " + i);
            assertEquals(states.get(i), readers.state(player.nowMs()), "back to step " + i);
        }
        for (int i = 41; i < states.size(); i++) {
            assertTrue(player.step());
            assertEquals(states.get(i), readers.state(player.nowMs()), "forward again to step " + i);
        }
    }

    @Test
    void playingOnFromThePastCatchesTheEngineUpAndContinuesTheSameBranch() throws Exception {
        Readers readers = new Readers();
        Player player = player(readers);
        Flow flow = FlowLoader.loadSample("hybrid-order.json");
        player.load(Recording.of(flow), Moment.START);
        player.runUntil(3_000);
        player.apply(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC));
        player.runUntil(8_000);
        List<TraceEvent> straight = new ArrayList<>(readers.seen);

        player.seekTo(1_000);
        assertTrue(player.isInPast());
        player.runUntil(12_000); // past the newest moment: the engine replays silently to 8 s, then runs on
        assertFalse(player.isInPast());
        assertEquals(straight, readers.seen.subList(0, straight.size()));
        assertEquals(1, player.branches().size());
        assertEquals(1, player.branchRecording().commands().size(), "the recorded command was applied again, not twice");

        Readers fresh = new Readers();
        Player again = player(fresh);
        again.load(player.branchRecording(), Moment.START);
        again.runUntil(12_000);
        assertEquals(readers.seen, fresh.seen, "the same as a replay of the branch's recording");
    }

    @Test
    void aCommandInThePastForksAndTheOldBranchCanBeReturnedToUnchanged() throws Exception {
        Readers readers = new Readers();
        Player player = player(readers);
        player.load(Recording.of(FlowLoader.loadSample("hybrid-order.json")), Moment.START);
        player.runUntil(6_000);
        player.apply(new Command.SetServiceDown(ServiceId.KITCHEN, true));
        player.runUntil(9_000);
        String oldState = readers.state(player.nowMs());
        List<TraceEvent> oldTrace = new ArrayList<>(readers.seen);

        player.seekTo(4_000);
        player.apply(new Command.SetWorkers(ServiceId.KITCHEN, 4));
        assertTrue(player.lastApplyForked());
        assertEquals(2, player.branches().size());
        assertEquals(2, player.currentBranch().number());
        assertEquals(1, player.currentBranch().parent());
        assertEquals(4_000, player.currentBranch().forkedAt().timeMs());
        assertFalse(player.isInPast());
        player.runUntil(9_000);
        assertNotEquals(oldTrace, readers.seen);
        assertEquals(1, player.branchRecording().commands().size(), "the kitchen outage after 4 s is not in the new branch");

        player.selectBranch(1);
        assertEquals(9_000, player.nowMs());
        assertEquals(oldState, readers.state(player.nowMs()));
        assertEquals(oldTrace, readers.seen);
        player.selectBranch(2);
        assertEquals(2, player.currentBranch().number());
        assertEquals(new Command.SetWorkers(ServiceId.KITCHEN, 4), player.branchRecording().commands().get(0).command());
    }

    @Test
    void aResetIsANewBranchFromTheStartAndTheRunBeforeIsKept() throws Exception {
        Readers readers = new Readers();
        Player player = player(readers);
        player.load(Recording.of(FlowLoader.loadSample("hybrid-order.json")), Moment.START);
        player.runUntil(5_000);
        player.apply(new Command.PlaceOrders(5));
        player.reset();
        assertEquals(0, player.nowMs());
        assertEquals(2, player.branches().size());
        assertTrue(player.branchRecording().commands().isEmpty());
        player.selectBranch(1);
        assertEquals(5_000, player.nowMs());
        assertEquals(1, player.branchRecording().commands().size());
    }

    @Test
    void goingBackAtTheStartIsRefused() throws Exception {
        Readers readers = new Readers();
        Player player = player(readers);
        player.load(Recording.of(FlowLoader.loadSample("hybrid-order.json")), Moment.START);
        assertFalse(player.stepBack());
        assertTrue(player.step());
        assertTrue(player.stepBack());
        assertFalse(player.stepBack());
    }
}
