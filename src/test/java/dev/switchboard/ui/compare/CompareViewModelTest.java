package dev.switchboard.ui.compare;

import dev.switchboard.compare.CompareFigure;
import dev.switchboard.compare.Presets;
import dev.switchboard.compare.Side;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compare mode's view model without a window: the clock, pulses, commands, refusals and presets. */
class CompareViewModelTest {

    private static CompareViewModel hybrid() throws FlowException {
        return new CompareViewModel(FlowLoader.loadSample("hybrid-order.json"));
    }

    @Test
    void pulsesMoveTheClockOnlyWhilePlayingBySpeedTimesWallTimeAtMost250MsAPulse() throws FlowException {
        CompareViewModel vm = hybrid();
        vm.onPulse(100);
        assertEquals(0, vm.getNowMs());
        vm.playingProperty().set(true);
        vm.speedProperty().set(2);
        vm.onPulse(100);
        assertEquals(200, vm.getNowMs(), 1e-9);
        vm.onPulse(5_000);
        assertEquals(200 + 2 * CompareViewModel.MAX_PULSE_MS, vm.getNowMs(), 1e-9, "a slow pulse counts as 250 ms");
        assertEquals(vm.getNowMs(), vm.comparison().nowMs(), 1e-9);
    }

    @Test
    void theTableIsRefreshedAFewTimesASecondNotEveryPulse() throws FlowException {
        CompareViewModel vm = hybrid();
        vm.playingProperty().set(true);
        vm.speedProperty().set(20);
        vm.onPulse(16);   // counts towards the refresh
        var before = List.copyOf(vm.figureRows());
        for (int i = 0; i < 10; i++) {
            vm.onPulse(16);
        }
        assertEquals(before, vm.figureRows(), "within 250 ms of wall time the rows stay");
        assertNotEquals(vm.comparison().figures().rows(), vm.figureRows(), "though the figures have moved on");
        for (int i = 0; i < 5; i++) {
            vm.onPulse(16);   // 256 ms of wall time in all: refreshed on the last
        }
        assertEquals(vm.comparison().figures().rows(), vm.figureRows(), "after 250 ms they are the comparison's");
    }

    @Test
    void eachSideHasACaptionOfItsLatestEventAlsoAfterGoingBack() throws FlowException {
        CompareViewModel vm = hybrid();
        vm.seekTo(0);
        for (int i = 0; i < 12; i++) {
            vm.step();   // 3 virtual seconds: orders on both sides, the sync side blocked on the Kitchen
        }
        for (Side side : Side.values()) {
            String caption = vm.captionProperty(side).get();
            assertTrue(caption.matches("\\d+\\.\\d{3} s  \\S.*"), side + ": " + caption);
            double atMs = Double.parseDouble(caption.substring(0, caption.indexOf(' '))) * 1000;
            assertTrue(atMs <= vm.getNowMs() && atMs > vm.getNowMs() - 1_000, side + ": " + caption);
        }
        assertNotEquals(vm.captionProperty(Side.LEFT).get(), vm.captionProperty(Side.RIGHT).get(),
                "sync and queued sides do different things");
        vm.seekTo(1_000);
        for (Side side : Side.values()) {
            String caption = vm.captionProperty(side).get();
            double atMs = Double.parseDouble(caption.substring(0, caption.indexOf(' '))) * 1000;
            assertTrue(atMs <= 1_000, "as it was at 1 s: " + caption);
        }
    }

    @Test
    void stepMovesBothSidesBy250VirtualMs() throws FlowException {
        CompareViewModel vm = hybrid();
        vm.step();
        vm.step();
        assertEquals(2 * CompareViewModel.STEP_MS, vm.getNowMs(), 1e-9);
        assertEquals(vm.comparison().run(Side.LEFT).nowMs(), vm.comparison().run(Side.RIGHT).nowMs(), 1e-9);
    }

    @Test
    void aRefusedCommandSaysWhyAndSetsNothing() throws FlowException {
        CompareViewModel vm = hybrid();
        double workers = vm.kitchenWorkersProperty().get();
        assertFalse(vm.setKitchenWorkers(0, CompareTarget.RIGHT));
        assertTrue(vm.statusIsProblemProperty().get(), vm.statusProperty().get());
        assertEquals(workers, vm.kitchenWorkersProperty().get());
        assertTrue(vm.setKitchenWorkers(3, CompareTarget.RIGHT));
        assertFalse(vm.statusIsProblemProperty().get());
        assertEquals("Kitchen workers set to 3 on the right side at t = 0.000 s.", vm.statusProperty().get());
    }

    @Test
    void anotherPresetStartsBothSidesAgainWithItsLabels() throws FlowException {
        CompareViewModel vm = hybrid();
        List<TraceEvent> left = new ArrayList<>();
        vm.addSideListener(Side.LEFT, left::add);
        vm.advanceBy(3_000);
        left.clear();
        vm.presetProperty().set(Presets.require("event-vs-sync"));
        assertEquals(0, vm.getNowMs());
        assertEquals("Left: " + Presets.require("event-vs-sync").leftLabel(), vm.labelProperty(Side.LEFT).get());
        assertTrue(left.get(0) instanceof TraceEvent.RunStarted, "the listener sees the new run from its start: " + left.get(0));
        vm.advanceBy(3_000);
        assertNotEquals(0, vm.comparison().figures().row(CompareFigure.ACCEPT_P50_MS).left());
    }

    @Test
    void theVerdictIsWordedWhenTheRunEnds() throws FlowException {
        CompareViewModel vm = hybrid();
        assertEquals("", vm.verdictProperty().get());
        for (int i = 0; i < 500 && !vm.finishedProperty().get(); i++) {
            vm.advanceBy(10_000);
        }
        assertTrue(vm.finishedProperty().get());
        assertFalse(vm.playingProperty().get());
        assertEquals(vm.comparison().verdict(), vm.verdictProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Run finished on both sides"));
    }
}
