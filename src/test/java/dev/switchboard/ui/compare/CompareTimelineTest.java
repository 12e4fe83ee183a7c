package dev.switchboard.ui.compare;

import dev.switchboard.compare.Side;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Going back in time in compare mode: both sides together, as they were, and a change there forks both. */
class CompareTimelineTest {

    private static String shown(CompareViewModel vm) {
        vm.refreshFigures();
        return vm.getNowMs() + "\n" + vm.figureRows() + "\n" + vm.diagram(Side.LEFT).snapshot() + "\n"
                + vm.diagram(Side.RIGHT).snapshot() + "\n" + vm.gaugeProperty(Side.LEFT).get().reading() + "\n"
                + vm.gaugeProperty(Side.RIGHT).get().reading();
    }

    @Test
    void draggingBackShowsBothSidesAsTheyWereAndPlayingOnReplaysTheSameFuture() throws FlowException {
        CompareViewModel vm = new CompareViewModel(FlowLoader.loadSample("hybrid-order.json"));
        vm.advanceBy(2_000);
        assertTrue(vm.setKitchenSlowdown(4, CompareTarget.LEFT));
        vm.advanceBy(1_000);
        String at3 = shown(vm);
        vm.advanceBy(3_000);
        String at6 = shown(vm);
        assertEquals(6_000, vm.newestMsProperty().get());

        vm.seekTo(3_000);
        assertEquals(at3, shown(vm), "both sides at 3 s as they were");
        vm.stepBack();
        assertEquals(2_750, vm.getNowMs());
        vm.seekTo(6_000);
        assertEquals(at6, shown(vm), "forward again: the slowdown on the left was given again at 2 s");
    }

    @Test
    void theStatusStopsSayingAsTheyWereOncePlayingReachesTheNewestMoment() throws FlowException {
        CompareViewModel vm = new CompareViewModel(FlowLoader.loadSample("hybrid-order.json"));
        vm.advanceBy(4_000);
        vm.seekTo(2_000);
        assertTrue(vm.statusProperty().get().contains("as they were"), vm.statusProperty().get());
        vm.advanceBy(1_000);
        assertTrue(vm.statusProperty().get().contains("as they were"), "still in the past at 3 s");
        vm.advanceBy(1_500);
        assertFalse(vm.statusProperty().get().contains("as they were"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Both sides at the newest moment again"), vm.statusProperty().get());
    }

    @Test
    void theSlidersShowTheSettingsInForceAtTheMomentShown() throws FlowException {
        CompareViewModel vm = new CompareViewModel(FlowLoader.loadSample("hybrid-order.json"));
        double flowLatencyMs = vm.orderKitchenLatencyMsProperty().get();
        vm.advanceBy(1_000);
        assertTrue(vm.setKitchenSlowdown(4, CompareTarget.BOTH));
        assertTrue(vm.setKitchenWorkers(5, CompareTarget.BOTH));
        vm.advanceBy(1_000);
        assertTrue(vm.setOrderKitchenLatency(80, CompareTarget.BOTH));
        vm.advanceBy(1_000);

        vm.seekTo(500);
        assertEquals(1, vm.kitchenSlowdownProperty().get(), "before the slowdown was given");
        assertEquals(2, vm.kitchenWorkersProperty().get(), "the flow's two cooks");
        assertEquals(flowLatencyMs, vm.orderKitchenLatencyMsProperty().get());
        vm.seekTo(1_500);
        assertEquals(4, vm.kitchenSlowdownProperty().get());
        assertEquals(5, vm.kitchenWorkersProperty().get());
        assertEquals(flowLatencyMs, vm.orderKitchenLatencyMsProperty().get(), "the latency came later");
        vm.seekTo(3_000);
        assertEquals(80, vm.orderKitchenLatencyMsProperty().get());
    }

    @Test
    void aChangeInThePastForksBothSides() throws FlowException {
        CompareViewModel vm = new CompareViewModel(FlowLoader.loadSample("hybrid-order.json"));
        List<TraceEvent> right = new ArrayList<>();
        vm.addSideListener(Side.RIGHT, right::add);
        vm.advanceBy(4_000);
        assertTrue(vm.setKitchenWorkers(5, CompareTarget.RIGHT));
        vm.advanceBy(2_000);
        vm.seekTo(2_000);
        assertTrue(vm.setKitchenSlowdown(3, CompareTarget.LEFT), "a change on the left only, in the past");
        right.clear();
        vm.advanceBy(4_000);
        assertFalse(right.stream().anyMatch(e -> e instanceof TraceEvent.CommandApplied c
                        && c.command() instanceof Command.SetWorkers),
                "the right side's later change belonged to the old future: both sides forked");
    }

    @Test
    void theBranchAChangeInThePastLeftIsKeptAndCanBeChosenAgain() throws FlowException {
        CompareViewModel vm = new CompareViewModel(FlowLoader.loadSample("hybrid-order.json"));
        assertEquals(1, vm.branches().size());
        vm.advanceBy(2_000);
        assertTrue(vm.setKitchenWorkers(5, CompareTarget.RIGHT));
        vm.advanceBy(4_000);
        String oldAt6 = shown(vm);

        vm.seekTo(3_000);
        assertEquals(1, vm.branches().size(), "looking at the past forks nothing");
        assertTrue(vm.setKitchenSlowdown(3, CompareTarget.BOTH), "a change in the past");
        assertEquals(2, vm.branches().size());
        var fresh = vm.currentBranchProperty().get();
        assertEquals(2, fresh.number());
        assertEquals(1, fresh.parent());
        assertEquals(3_000, fresh.forkedAtMs());
        assertEquals("Kitchen slowdown set to ×3 on both sides", fresh.difference());
        assertEquals(3_000, vm.newestMsProperty().get(), "the old future is not this branch's");
        assertTrue(vm.statusProperty().get().contains("branch 1 is kept"), vm.statusProperty().get());
        vm.advanceBy(1_000);
        String newAt4 = shown(vm);

        vm.selectBranch(vm.branches().get(0));
        assertEquals(1, vm.currentBranchProperty().get().number());
        assertEquals(6_000, vm.newestMsProperty().get(), "the old branch at the newest moment it reached");
        assertEquals(oldAt6, shown(vm), "the old branch as it was, the right side's five cooks included");
        assertEquals(1, vm.kitchenSlowdownProperty().get(), "the slider shows the old branch's setting");

        vm.selectBranch(vm.branches().get(1));
        assertEquals(4_000, vm.newestMsProperty().get());
        assertEquals(newAt4, shown(vm), "and back to the new one where it was left");
        assertEquals(3, vm.kitchenSlowdownProperty().get());
    }

    @Test
    void restartKeepsTheRunSoFarAsABranchAndAPresetStartsTheListAgain() throws FlowException {
        CompareViewModel vm = new CompareViewModel(FlowLoader.loadSample("hybrid-order.json"));
        vm.advanceBy(2_500);
        String at25 = shown(vm);
        vm.restart();
        assertEquals(0, vm.getNowMs());
        assertEquals(2, vm.branches().size());
        assertEquals("started again at t = 0", vm.currentBranchProperty().get().difference());
        vm.selectBranch(vm.branches().get(0));
        assertEquals(at25, shown(vm));

        vm.presetProperty().set(vm.presets().get(vm.presets().size() - 1));
        assertEquals(1, vm.branches().size(), "another preset is another experiment");
    }

    @Test
    void aFollowedOrdersTwoWaterfallsShareOneScaleAndTheSyncSideAnswersLater() throws FlowException {
        CompareViewModel vm = new CompareViewModel(FlowLoader.loadSample("kitchen-backlog.json"));
        assertTrue(vm.followedTimeline(Side.LEFT).isEmpty());
        vm.selectedOrderProperty().set(14L);
        assertTrue(vm.followedTimeline(Side.RIGHT).isEmpty(), "not placed yet");
        long revision = vm.followedRevisionProperty().get();
        vm.advanceBy(40_000);
        assertTrue(vm.followedRevisionProperty().get() > revision, "the waterfalls are told to draw again");
        var left = vm.followedTimeline(Side.LEFT).orElseThrow();
        var right = vm.followedTimeline(Side.RIGHT).orElseThrow();
        assertEquals(14, left.orderId());
        assertFalse(left.hops().isEmpty());
        assertTrue(left.acceptLatencyMs() > right.acceptLatencyMs(),
                "sync: the customer hears back after the Kitchen (" + left.acceptLatencyMs() + " against "
                        + right.acceptLatencyMs() + " ms)");
        double leftSpan = (Double.isNaN(left.finishedAtMs()) ? vm.getNowMs() : left.finishedAtMs()) - left.placedAtMs();
        double rightSpan = (Double.isNaN(right.finishedAtMs()) ? vm.getNowMs() : right.finishedAtMs()) - right.placedAtMs();
        assertEquals(Math.max(leftSpan, rightSpan), vm.followedSpanMs(), 1e-9, "one scale: the longer of the two");
        // The same spans as a fold of that side's trace from the start: the waterfall reads the projection, not the view.
        vm.seekTo(20_000);
        vm.seekTo(40_000);
        assertEquals(left, vm.followedTimeline(Side.LEFT).orElseThrow());
    }

    @Test
    void aFollowedOrdersTwoHistoriesStandSideBySideWithWhereTheyFirstPart() throws FlowException {
        CompareViewModel vm = new CompareViewModel(FlowLoader.loadSample("kitchen-backlog.json"));
        vm.selectedOrderProperty().set(14L);
        assertEquals("#14 is not placed yet on either side.", vm.divergenceProperty().get());
        vm.advanceBy(12_000);
        assertFalse(vm.orderHistory(Side.LEFT).isEmpty());
        assertFalse(vm.orderHistory(Side.RIGHT).isEmpty());
        var left = vm.diagram(Side.LEFT).historyOf(14);
        var right = vm.diagram(Side.RIGHT).historyOf(14);
        int parted = OrderDivergence.firstDifference(left, right);
        assertTrue(parted >= 0, "sync against queue: order #14 goes another way on the two sides");
        assertTrue(vm.divergenceProperty().get().startsWith("#14 first parts at step " + (parted + 1) + ": "),
                vm.divergenceProperty().get());
        assertTrue(vm.orderHistory(Side.LEFT).get(parted).startsWith("▸ "), "the step where they part is marked");
        for (int i = 0; i < parted; i++) {
            assertEquals(left.get(i).to(), right.get(i).to(), "the same way up to there");
        }
    }

    @Test
    void identicalHistoriesHaveNotPartedAndAPrefixIsNotAParting() {
        var placed = new TraceEvent.OrderStatusChanged(10, 1, null, dev.switchboard.model.OrderStatus.PLACED, "");
        var confirmed = new TraceEvent.OrderStatusChanged(40, 1, dev.switchboard.model.OrderStatus.PLACED,
                dev.switchboard.model.OrderStatus.STOCK_CONFIRMED, "");
        var later = new TraceEvent.OrderStatusChanged(45, 1, dev.switchboard.model.OrderStatus.PLACED,
                dev.switchboard.model.OrderStatus.STOCK_CONFIRMED, "");
        assertEquals(-1, OrderDivergence.firstDifference(List.of(placed, confirmed), List.of(placed, confirmed)));
        assertEquals(-1, OrderDivergence.firstDifference(List.of(placed), List.of(placed, confirmed)));
        assertEquals(1, OrderDivergence.firstDifference(List.of(placed, confirmed), List.of(placed, later)));
    }
}
