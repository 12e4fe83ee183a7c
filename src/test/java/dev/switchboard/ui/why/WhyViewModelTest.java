package dev.switchboard.ui.why;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.spans.Arrow;
import dev.switchboard.spans.Bar;
import dev.switchboard.spans.ScriptedRun;
import dev.switchboard.spans.SummaryRow;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Narrator;
import dev.switchboard.trace.Report;
import dev.switchboard.ui.PlaybackViewModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The why-window's view model fed by the real playback, without a window. */
class WhyViewModelTest {
    private final AtomicLong wallNanos = new AtomicLong();
    private final WhyViewModel why = new WhyViewModel(wallNanos::get);
    private final PlaybackViewModel playback = new PlaybackViewModel();

    WhyViewModelTest() {
        playback.addListener(why);
    }

    /** The scripted run through the playback: two orders at 0, one at 50 ms, then to the end. */
    private void playScripted(Flow flow) {
        playback.load(flow);
        playback.placeOrder();
        playback.placeOrder();
        playback.advanceBy(50);
        playback.placeOrder();
        playback.advanceBy(10_000);
    }

    /** The same commands at the same moments, played by the engine alone as the headless runner plays. */
    private static Report headlessReport(Flow flow) {
        Metrics metrics = new Metrics();
        Simulation sim = new Simulation(flow);
        sim.addListener(metrics);
        sim.start();
        sim.apply(new Command.PlaceOrders(1));
        sim.apply(new Command.PlaceOrders(1));
        sim.runUntil(50);
        sim.apply(new Command.PlaceOrders(1));
        sim.runToEnd();
        return metrics.report();
    }

    @Test
    void theSequenceHasTheScriptedRunsArrowsAndOneBlockedBarPerStockCheck() throws Exception {
        playScripted(ScriptedRun.flow(0));

        assertEquals(27, why.sequence().arrows().size());
        List<String> blocked = why.sequence().bars().stream().filter(b -> b.kind() == Bar.Kind.BLOCKED)
                .map(b -> b.orderId() + ":" + b.startMs() + ".." + b.endMs()).sorted().collect(Collectors.toList());
        assertEquals(List.of("1:0.0..50.0", "2:0.0..80.0", "3:50.0..110.0"), blocked);
    }

    @Test
    void theSummaryShowsTheSameFiguresAsTheHeadlessReport() throws Exception {
        Flow flow = ScriptedRun.flow(0);
        playScripted(flow);
        why.refreshCharts();

        assertEquals(headlessReport(flow), why.report());
        assertEquals(SummaryRow.of(headlessReport(flow), flow), List.copyOf(why.summary()));
        SummaryRow delivered = why.summary().stream().filter(r -> r.section().equals("Orders")
                && r.figure().equals("delivered")).findFirst().orElseThrow();
        assertEquals("3", delivered.measured());
    }

    @Test
    void theSummaryOfASampleEqualsTheReportOfTheSameRunPlayedHeadless() throws Exception {
        Flow flow = FlowLoader.loadSample("hybrid-order.json");
        playback.load(flow);
        while (!playback.isIdle()) {
            playback.advanceBy(5_000);
        }
        why.refreshCharts();
        Metrics metrics = new Metrics();
        Simulation sim = new Simulation(flow);
        sim.addListener(metrics);
        sim.start();
        while (sim.hasPendingEvents() && sim.step()) {
            // to the end, as the headless runner plays it
        }
        assertEquals(SummaryRow.of(metrics.report(), flow), List.copyOf(why.summary()));
        assertTrue(why.summary().stream().anyMatch(r -> r.figure().equals("mean queue length")
                && r.theory().startsWith("Little")));
    }

    @Test
    void resetAndAnotherFlowStartTheViewsAfresh() throws Exception {
        Flow flow = ScriptedRun.flow(0);
        playScripted(flow);
        List<Arrow> first = List.copyOf(why.sequence().arrows());
        why.selectedOrderProperty().set(2L);

        playback.reset();
        assertTrue(why.sequence().arrows().isEmpty());
        assertTrue(why.samples().isEmpty() || why.samples().get(0).timeMs() == 0);
        playScripted(flow);
        assertEquals(first, why.sequence().arrows());

        playback.load(ScriptedRun.flow(1));
        assertEquals("Scripted", why.flowProperty().get().name());
        assertTrue(why.spans().orders().isEmpty());
    }

    @Test
    void chartsRefreshAtMostFourTimesASecondOfWallTimeWithPointsEveryQuarterSecondOfVirtualTime() throws Exception {
        playback.load(ScriptedRun.flow(0));
        assertEquals(List.of(0.0), times(why.samples()));
        playback.placeOrder();
        wallNanos.addAndGet(100_000_000);
        playback.advanceBy(20);
        assertEquals(List.of(0.0), times(why.samples()), "100 ms of wall time after the last refresh: none yet");
        wallNanos.addAndGet(200_000_000);
        playback.advanceBy(20);
        assertEquals(List.of(40.0), times(why.samples()), "the point at the clock");
        wallNanos.addAndGet(300_000_000);
        playback.advanceBy(1_000);
        assertEquals(List.of(250.0, 500.0, 750.0, 1_000.0, 1_040.0), times(why.samples()),
                "a point every 250 ms of virtual time the run passed, then one at the clock");
    }

    private static List<Double> times(List<dev.switchboard.spans.LiveFigures.Sample> samples) {
        return samples.stream().map(dev.switchboard.spans.LiveFigures.Sample::timeMs).toList();
    }

    @Test
    void anArrowsNarrationIsTheNarratorsSentenceForItsEvent() throws Exception {
        playScripted(ScriptedRun.flow(0));
        Arrow request = why.sequence().arrows().stream().filter(a -> a.kind() == Arrow.Kind.REQUEST).findFirst()
                .orElseThrow();
        assertEquals(new Narrator().narrate(request.event()), why.narrate(request));
        assertTrue(why.narrate(request).contains("#1"), why.narrate(request));
    }

    @Test
    void selectingAnArrowNamesItsTraceEventAfreshOnEveryClickAndResetForgetsIt() throws Exception {
        playScripted(ScriptedRun.flow(0));
        Arrow request = why.sequence().arrows().stream().filter(a -> a.kind() == Arrow.Kind.REQUEST).findFirst()
                .orElseThrow();
        List<Object> seen = new java.util.ArrayList<>();
        why.selectedEventProperty().addListener((obs, old, event) -> seen.add(event == null ? "none" : event));

        why.selectArrow(request);
        why.selectArrow(request);

        assertSame(request.event(), why.selectedEventProperty().get());
        assertEquals(request, why.selectedArrowProperty().get());
        assertEquals(List.of(request.event(), "none", request.event()), seen);
        playback.reset();
        assertNull(why.selectedEventProperty().get());
        assertNull(why.selectedArrowProperty().get());
    }

    @Test
    void theCanvasesPaintWithTheDarkPaletteWhileTheDarkThemeIsOn() {
        long before = why.revisionProperty().get();
        assertEquals(Palette.LIGHT, why.palette());
        why.darkThemeProperty().set(true);
        assertEquals(Palette.DARK, why.palette());
        assertTrue(why.revisionProperty().get() > before, "the views are told to repaint");
        assertTrue(Palette.DARK.background().getBrightness() < 0.2);
        assertTrue(Palette.LIGHT.background().getBrightness() > 0.9);
    }
}
