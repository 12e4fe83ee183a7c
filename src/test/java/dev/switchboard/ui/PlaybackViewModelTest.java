package dev.switchboard.ui;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's view models on the real engine, without a window. */
class PlaybackViewModelTest {
    private MainViewModel vm;
    private PlaybackViewModel playback;
    private TestFlows.Recorder recorder;

    @BeforeEach
    void openTheQuietHybridFlow() {
        vm = new MainViewModel();
        playback = vm.playback();
        recorder = new TestFlows.Recorder();
        playback.addListener(recorder);
        vm.open(TestFlows.quietHybrid(), "test");
    }

    @Test
    void aRunWithARegistryFinishesThoughItsHeartbeatsGoOn() throws Exception {
        vm.open(dev.switchboard.flow.FlowLoader.loadSample("instance-failover.json"), "test");
        playback.advanceBy(120_000);
        assertTrue(playback.isIdle(), "no work left: only heartbeats are scheduled");
        assertFalse(playback.step(), "stepping past the end shows 'run finished', not heartbeats for ever");
    }

    @Test
    void goingBackFromTheEndNoLongerSaysTheRunHasFinished() throws Exception {
        vm.open(dev.switchboard.flow.FlowLoader.loadSample("hybrid-order.json"), "test");
        playback.advanceBy(600_000);
        assertFalse(playback.step());
        assertEquals(PlaybackViewModel.RUN_FINISHED, playback.statusTextProperty().get());
        assertTrue(playback.stepBack());
        assertFalse(playback.isFinished());
        assertEquals("", playback.statusTextProperty().get(), "the past is not the end of the run");
        playback.jumpToNewest();
        assertFalse(playback.step());
        playback.seekTo(1_000);
        assertEquals("", playback.statusTextProperty().get());
    }

    @Test
    void aFreshRunIsPausedAtZeroWithTheFlowsSettingsShown() {
        assertFalse(playback.isPlaying());
        assertEquals("t = 0.000 s", playback.clockTextProperty().get());
        assertEquals(4, vm.controls().serviceProperty(ServiceId.ORDER).get().workers());
        assertEquals(LinkStyle.QUEUE, vm.controls().linkProperty(LinkId.ORDER_KITCHEN).get().style());
        assertEquals("Switchboard — Hybrid order flow", vm.titleProperty().get());
    }

    @Test
    void theClockShowsVirtualSecondsWithMilliseconds() {
        playback.advanceBy(12_345);
        assertEquals("t = 12.345 s", playback.clockTextProperty().get());
        assertEquals(12_345, playback.getNowMs());
    }

    @Test
    void aPulseMovesTheClockBySpeedTimesWallTimeOnlyWhilePlaying() {
        playback.placeOrder();
        playback.onPulse(16);
        assertEquals(0, playback.getNowMs(), "paused: the clock stays");
        playback.setSpeed(2.5);
        playback.playingProperty().set(true);
        playback.onPulse(16);
        assertEquals(40, playback.getNowMs(), 1e-9);
        playback.onPulse(10_000);
        assertEquals(40 + 2.5 * PlaybackViewModel.MAX_PULSE_MS, playback.getNowMs(), 1e-9,
                "a stalled pulse counts as at most " + PlaybackViewModel.MAX_PULSE_MS + " ms");
    }

    @Test
    void aStepRunsOneEngineEventAndTheClockJumpsToIt() {
        playback.placeOrder();
        long before = playback.executedEvents();
        int events = recorder.events.size();
        assertTrue(playback.step());
        assertEquals(before + 1, playback.executedEvents());
        assertTrue(recorder.events.size() > events, "the step shows what happened");
        assertEquals(recorder.last().timeMs(), playback.getNowMs());
    }

    @Test
    void aStepNeverShowsNothing() {
        playback.placeOrder();
        while (playback.step()) {
            int events = recorder.events.size();
            // The call's timeout timer still fires after the reply came; it emits nothing, so no step ends on it.
            assertTrue(recorder.events.size() >= events);
            assertEquals(recorder.last().timeMs(), playback.getNowMs(), "every step ends on a traced event");
        }
        assertTrue(playback.isFinished());
        assertEquals(1, recorder.all(TraceEvent.OrderFinished.class).size());
    }

    @Test
    void playingStopsByItselfWhenTheRunIsFinished() {
        playback.placeOrder();
        playback.playingProperty().set(true);
        for (int pulse = 0; pulse < 10_000 && playback.isPlaying(); pulse++) {
            playback.onPulse(100);
        }
        assertFalse(playback.isPlaying());
        assertTrue(playback.isFinished());
        assertEquals(PlaybackViewModel.RUN_FINISHED, playback.statusTextProperty().get());
        assertEquals(1, recorder.all(TraceEvent.OrderFinished.class).size());
    }

    @Test
    void aLatencySliderValueBecomesALatencyCommand() {
        vm.controls().setLatency(LinkId.ORDER_INVENTORY, 200, 50);
        TraceEvent.CommandApplied applied = recorder.last(TraceEvent.CommandApplied.class);
        assertEquals(new Command.SetLinkLatency(LinkId.ORDER_INVENTORY, new Distribution.Uniform(150, 250)),
                applied.command());
        assertEquals(new Distribution.Uniform(150, 250),
                vm.controls().linkProperty(LinkId.ORDER_INVENTORY).get().latencyMs(), "read back from the trace");
    }

    @Test
    void serviceControlsBecomeTheirCommands() {
        vm.controls().setWorkers(ServiceId.KITCHEN, 5);
        assertEquals(new Command.SetWorkers(ServiceId.KITCHEN, 5),
                recorder.last(TraceEvent.CommandApplied.class).command());
        vm.controls().setDown(ServiceId.KITCHEN, true);
        assertEquals(new Command.SetServiceDown(ServiceId.KITCHEN, true),
                recorder.last(TraceEvent.CommandApplied.class).command());
        assertFalse(vm.controls().upProperty(ServiceId.KITCHEN).get());
        vm.controls().setPreparationTime(300);
        assertEquals(new Command.SetWorkTime(ServiceId.KITCHEN, new Distribution.Uniform(150, 450)),
                recorder.last(TraceEvent.CommandApplied.class).command());
    }

    @Test
    void anImpossibleValueIsAStatusMessageNotAnException() {
        assertFalse(vm.controls().setTimeout(LinkId.ORDER_INVENTORY, 0));
        assertEquals("A caller needs some time to wait for a reply: the timeout must be more than 0 ms, not 0 ms.",
                playback.statusTextProperty().get());
        assertFalse(playback.setArrivalRate(-1));
        assertEquals(0.0, playback.arrivalRatePerSecondProperty().get());
    }

    @Test
    void resetToFlowValuesUndoesEveryChange() {
        vm.controls().setLatency(LinkId.ORDER_INVENTORY, 400, 0);
        vm.controls().setStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC);
        vm.controls().setDown(ServiceId.KITCHEN, true);
        vm.controls().setErrorRate(ServiceId.INVENTORY, 0.5);
        int applied = vm.controls().resetToFlow();
        assertEquals(4, applied);
        assertEquals(TestFlows.quietHybrid().link(LinkId.ORDER_INVENTORY), vm.controls().linkProperty(LinkId.ORDER_INVENTORY).get());
        assertEquals(LinkStyle.QUEUE, vm.controls().linkProperty(LinkId.ORDER_KITCHEN).get().style());
        assertTrue(vm.controls().upProperty(ServiceId.KITCHEN).get());
        assertEquals(0.0, vm.controls().serviceProperty(ServiceId.INVENTORY).get().errorRate());
    }

    @Test
    void resetReplaysTheSameRunFromZero() {
        vm.open(TestFlows.hybrid(), "hybrid-order.json");
        int startLines = vm.narration().lines().size();
        playback.advanceBy(3_000);
        var firstRun = recorder.events.stream().map(Object::toString).toList();
        playback.reset();
        assertEquals(0, playback.getNowMs());
        assertEquals(startLines, vm.narration().lines().size(), "only the start and the initial settings");
        assertTrue(vm.narration().lines().stream().allMatch(line -> line.event().timeMs() == 0));
        assertEquals(0, vm.orders().rows().size());
        playback.advanceBy(3_000);
        assertEquals(firstRun, recorder.events.stream().map(Object::toString).toList());
    }

    @Test
    void theArrivalRateShownIsTheOneABeatOrCommandSet() {
        assertTrue(playback.submit(() -> new Command.SetArrivalRate(20)), "a beat sends its command like this");
        assertEquals(20.0, playback.arrivalRatePerSecondProperty().get(), "the Arrivals slider follows the beat");
        playback.setArrivalRate(0);
        assertEquals(0.0, playback.arrivalRatePerSecondProperty().get());
    }

    @Test
    void aBurstPlacesTenOrdersAtOnce() {
        playback.placeBurst();
        assertEquals(PlaybackViewModel.BURST_SIZE, recorder.all(TraceEvent.OrderPlaced.class).size());
        assertEquals(PlaybackViewModel.BURST_SIZE, vm.orders().rows().size());
    }

    @Test
    void stepOrderRunsUpToThatOrdersNextEventUntilItIsDelivered() {
        playback.placeOrder();
        playback.placeOrder();
        int steps = 0;
        while (vm.orders().row(1).orElseThrow().getStatus() != dev.switchboard.model.OrderStatus.DELIVERED) {
            int before = recorder.events.size();
            assertTrue(playback.stepOrder(1), "step " + steps);
            assertTrue(recorder.events.subList(before, recorder.events.size()).stream()
                    .anyMatch(e -> EventOrders.orderOf(e).orElse(-1) == 1), "each step reaches one of #1's events");
            steps++;
            assertTrue(steps < 40, "order #1 never got delivered");
        }
        assertFalse(playback.stepOrder(1), "a delivered order has nothing more to step");
        assertEquals("Order #1 has finished; it has nothing more to step.", playback.statusTextProperty().get());
    }
}
