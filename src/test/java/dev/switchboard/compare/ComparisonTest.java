package dev.switchboard.compare;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.FlowOverride;
import dev.switchboard.flow.SampleFlow;
import dev.switchboard.flow.SampleFlows;
import dev.switchboard.model.ServiceId;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.ReportJson;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {

    static List<String> samples() {
        return SampleFlows.all().stream().map(SampleFlow::fileName).toList();
    }

    private static List<FlowOverride> overrides(String... assignments) {
        return Arrays.stream(assignments).map(FlowOverride::parse).toList();
    }

    private static Comparison sample(String file, List<FlowOverride> left, List<FlowOverride> right, Integer orders)
            throws FlowException {
        Preset plain = new Preset("plain", "no difference", "left", List.of(), "right", List.of());
        return Comparison.load(o -> FlowLoader.loadSample(file, o), plain, left, right, orders);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void identicalSettingsOnBothSidesGiveIdenticalTracesAndTheRunnersReport(String file) throws FlowException {
        Comparison comparison = sample(file, List.of(), List.of(), null);
        List<TraceEvent> left = new ArrayList<>();
        List<TraceEvent> right = new ArrayList<>();
        comparison.addListener(Side.LEFT, left::add);
        comparison.addListener(Side.RIGHT, right::add);
        comparison.start();
        comparison.runToEnd();

        assertEquals(left, right);
        assertTrue(comparison.figures().identical());
        assertTrue(comparison.verdict().startsWith("Both sides came out the same"), comparison.verdict());
        // each side is the run the headless runner makes of its flow
        Metrics alone = new Metrics();
        Simulation simulation = new Simulation(FlowLoader.loadSample(file));
        simulation.addListener(alone);
        simulation.start();
        while (simulation.hasPendingEvents() && simulation.step()) {
            // one event at a time, as the runner does
        }
        assertEquals(ReportJson.write(alone.report()), ReportJson.write(comparison.report(Side.LEFT)));
    }

    @Test
    void withASlowKitchenTheSyncSideTellsCustomersLaterAndBlocksItsOrderWorkers() throws FlowException {
        // orders every 400 ms on average, 2 cooks of 0.9–1.5 s: the Kitchen is the bottleneck
        Comparison comparison = Comparison.load(o -> FlowLoader.loadSample("hybrid-order.json", o),
                Presets.require("sync-vs-queue"),
                overrides("services.kitchen.workMs={\"uniform\": [900, 1500]}"),
                overrides("services.kitchen.workMs={\"uniform\": [900, 1500]}"), 200);
        comparison.start();
        // as the window sees it mid-run: the sync side has every Order worker waiting on the Kitchen
        comparison.runUntil(30_000);
        FigureTable.Row now = comparison.figures().row(CompareFigure.ORDER_BLOCKED_NOW);
        assertEquals(4, now.left());
        assertEquals(0, now.right());
        comparison.runToEnd();
        FigureTable table = comparison.figures();

        assertEquals(comparison.flow(Side.LEFT).seed(), comparison.flow(Side.RIGHT).seed());
        FigureTable.Row accept = table.row(CompareFigure.ACCEPT_P50_MS);
        assertTrue(accept.left() > 10 * accept.right(), "sync p50 " + accept.left() + " against queue " + accept.right());
        FigureTable.Row blocked = table.row(CompareFigure.ORDER_BLOCKED_MOST);
        assertEquals(4, blocked.left(), "all 4 Order workers blocked on the Kitchen at the worst moment");
        assertTrue(blocked.right() < blocked.left(), "with a queue Order workers wait for Inventory only: " + blocked.right());
        assertTrue(table.row(CompareFigure.ORDER_BLOCKED_MS).left() > 10 * table.row(CompareFigure.ORDER_BLOCKED_MS).right());
        String verdict = comparison.verdict();
        assertTrue(verdict.startsWith("With order->kitchen queue (right) instead of order->kitchen sync (left): customers were told in "),
                verdict);
        assertTrue(verdict.contains("; Order workers spent "), verdict);
    }

    @Test
    void theClockTakesBothSidesToTheSameTimeAndACommandLandsThereOnBoth() throws FlowException {
        Comparison comparison = sample("hybrid-order.json", overrides("links.order->kitchen.style=sync"), List.of(), null);
        List<double[]> commands = new ArrayList<>();
        for (Side side : Side.values()) {
            comparison.addListener(side, e -> {
                if (e instanceof TraceEvent.CommandApplied c) {
                    commands.add(new double[] {side.ordinal(), c.timeMs()});
                }
            });
        }
        comparison.start();
        comparison.runUntil(3_000);
        assertEquals(3_000, comparison.nowMs());
        assertEquals(3_000, comparison.run(Side.LEFT).nowMs());
        assertEquals(3_000, comparison.run(Side.RIGHT).nowMs());
        Map<Side, ?> stamps = comparison.apply(new Command.PlaceOrders(2));
        assertEquals(2, stamps.size());
        comparison.runUntil(4_500);
        comparison.apply(Side.RIGHT, new Command.SetSlowdown(ServiceId.KITCHEN, 3));

        assertEquals(3, commands.size());
        assertEquals(3_000, commands.get(0)[1]);
        assertEquals(3_000, commands.get(1)[1]);
        assertEquals(Side.RIGHT.ordinal(), (int) commands.get(2)[0]);
        assertEquals(4_500, commands.get(2)[1]);
        assertEquals(comparison.run(Side.LEFT).placedOrders(), comparison.run(Side.RIGHT).placedOrders());
    }

    @Test
    void sidesWithOtherCustomersAreRefused() throws FlowException {
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> sample("hybrid-order.json", overrides("seed=7"), List.of(), null));
        assertTrue(seed.getMessage().contains("same seed"), seed.getMessage());
        IllegalArgumentException orders = assertThrows(IllegalArgumentException.class,
                () -> sample("hybrid-order.json", List.of(), overrides("orders.count=3"), null));
        assertTrue(orders.getMessage().contains("same orders"), orders.getMessage());
    }

    @Test
    void listenersComeBeforeTheStartAndTheClockAfterIt() throws FlowException {
        Comparison comparison = sample("one-order.json", List.of(), List.of(), null);
        assertThrows(IllegalStateException.class, () -> comparison.runUntil(10));
        comparison.start();
        assertThrows(IllegalStateException.class, () -> comparison.addListener(Side.LEFT, e -> { }));
    }

    @Test
    void everyPresetLoadsOnEverySampleItFitsAndDiffersBetweenItsSides() throws FlowException {
        List<String> refused = new ArrayList<>();
        for (Preset preset : Presets.all()) {
            assertTrue(!preset.left().equals(preset.right()), preset.name());
            for (String file : samples()) {
                try {
                    Comparison comparison = Comparison.load(o -> FlowLoader.loadSample(file, o), preset, List.of(),
                            List.of(), 5);
                    assertTrue(!comparison.flow(Side.LEFT).equals(comparison.flow(Side.RIGHT)), preset.name() + " on " + file);
                } catch (FlowException e) {
                    refused.add(preset.name() + " on " + file + ": " + e.getMessage());
                }
            }
        }
        // the one misfit is refused with the flow's own message: its fault crashes instance 2, the left runs one
        assertEquals(List.of("one-vs-three-instances on instance-failover.json: instance-failover.json:18:69:"
                + " faults[0].instance: must be 1 but was 2; inventory runs 1 instance (give services.inventory.instances"
                + " to run more)"), refused);
        assertEquals("sync-vs-queue", Presets.defaultPreset().name());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Presets.require("sync-vs-queu"));
        assertTrue(unknown.getMessage().contains("did you mean \"sync-vs-queue\""), unknown.getMessage());
    }
}
