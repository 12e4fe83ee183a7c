package dev.switchboard.system;

import dev.switchboard.flow.Flow;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/** A started simulation that keeps its whole trace, for tests that look at single events. */
final class RecordingRun {
    final Simulation simulation;
    final List<TraceEvent> events = new ArrayList<>();

    RecordingRun(Flow flow) {
        this(new Simulation(flow));
    }

    /** Records a simulation not yet started (other listeners may already be on it), and starts it. */
    RecordingRun(Simulation simulation) {
        this.simulation = simulation;
        simulation.addListener(events::add);
        simulation.start();
    }

    <T extends TraceEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends TraceEvent> T first(Class<T> type) {
        return all(type).stream().findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
    }
}
