package dev.switchboard.ui.diagram;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.ServiceId;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagram is a fold of the trace: the state shown after any prefix of a run, folded live as the
 * engine ran, equals the state of a fresh {@link DiagramState} fed that prefix again. This is what
 * going back in time relies on.
 */
class DiagramStateReplayTest {
    private static final int CUTS = 12;

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sample-flows"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void replayingAPrefixOfEverySampleRebuildsTheStateFirstShown(String sample) throws Exception {
        Flow flow = FlowLoader.loadSample(sample);
        assertReplaysEqual(flow, sim -> sim.runToEnd());
    }

    @Test
    void replayingAPrefixRebuildsTheStateAlsoAfterCommandsThatChangeWorkersInstancesAndAgents() throws Exception {
        Flow flow = FlowLoader.loadSample("hybrid-order.json");
        assertReplaysEqual(flow, sim -> {
            sim.runUntil(2_000);
            sim.apply(new Command.SetWorkers(ServiceId.KITCHEN, 1)); // busy cooks retire when done
            sim.runUntil(2_300);
            sim.apply(new Command.SetWorkers(ServiceId.KITCHEN, 3)); // the retiring ones come back first
            sim.apply(new Command.SetInstances(ServiceId.INVENTORY, 3));
            sim.runUntil(4_000);
            sim.apply(new Command.SetWorkers(ServiceId.INVENTORY, 1));
            sim.apply(new Command.SetAgents(1));
            sim.apply(new Command.SetServiceDown(ServiceId.KITCHEN, true));
            sim.runUntil(5_000);
            sim.apply(new Command.SetServiceDown(ServiceId.KITCHEN, false));
            sim.apply(new Command.SetInstances(ServiceId.INVENTORY, 1));
            sim.apply(new Command.SetWorkers(ServiceId.INVENTORY, 4));
            sim.runToEnd();
        });
    }

    /**
     * Runs the flow once to learn its length, then again with a live diagram snapshotted at cut points
     * spread over the run, and folds each prefix again into a fresh diagram.
     */
    private static void assertReplaysEqual(Flow flow, Consumer<Simulation> drive) {
        List<TraceEvent> first = new ArrayList<>();
        Simulation dry = new Simulation(flow);
        dry.addListener(first::add);
        dry.start();
        drive.accept(dry);
        java.util.Set<Integer> cuts = new java.util.TreeSet<>(List.of(1, 2, 3, first.size()));
        for (int k = 1; k < CUTS; k++) {
            cuts.add(Math.max(1, (int) ((long) first.size() * k / CUTS)));
        }

        List<TraceEvent> trace = new ArrayList<>();
        DiagramState live = new DiagramState();
        Map<Integer, Object> shown = new TreeMap<>();
        Simulation sim = new Simulation(flow);
        sim.addListener(e -> {
            trace.add(e);
            live.onEvent(e);
            if (cuts.contains(trace.size())) {
                shown.put(trace.size(), live.snapshot());
            }
        });
        sim.start();
        drive.accept(sim);
        assertEquals(first, trace, "the same run twice");
        assertEquals(cuts, shown.keySet());

        for (Map.Entry<Integer, Object> cut : shown.entrySet()) {
            DiagramState replayed = new DiagramState();
            for (TraceEvent e : trace.subList(0, cut.getKey())) {
                replayed.onEvent(e);
            }
            assertEquals(cut.getValue(), replayed.snapshot(), "after " + cut.getKey() + " of " + trace.size() + " events");
        }
        // a diagram that has shown the whole run and is fed the run again from its start forgets what it showed
        DiagramState reused = new DiagramState();
        trace.forEach(reused::onEvent);
        int middle = shown.keySet().stream().skip(shown.size() / 2).findFirst().orElseThrow();
        trace.subList(0, middle).forEach(reused::onEvent);
        assertEquals(shown.get(middle), reused.snapshot(), "replayed into a used diagram, after " + middle + " events");
        // and the snapshots do tell states apart
        assertNotEquals(shown.get(1), shown.get(trace.size()));
    }
}
