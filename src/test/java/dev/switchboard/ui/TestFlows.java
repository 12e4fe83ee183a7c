package dev.switchboard.ui;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.List;

/** Flows and a trace recorder for the window's tests. */
final class TestFlows {
    private TestFlows() {
    }

    static Flow hybrid() {
        try {
            return FlowLoader.loadSample("hybrid-order.json");
        } catch (FlowException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hybrid flow with no automatic orders and no scheduled faults: only what a test does happens. */
    static Flow quietHybrid() {
        Flow hybrid = hybrid();
        return new Flow(hybrid.name(), hybrid.description(), hybrid.seed(),
                new OrdersSpec(0, hybrid.orders().interarrivalMs()), hybrid.services(), hybrid.links(), List.of());
    }

    /** Records every event of every run the playback plays, independent of the view models under test. */
    static final class Recorder implements RunListener {
        final List<TraceEvent> events = new ArrayList<>();

        @Override
        public void onEvent(TraceEvent event) {
            events.add(event);
        }

        @Override
        public void runReset(Flow flow) {
            events.clear();
        }

        <T extends TraceEvent> List<T> all(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends TraceEvent> T last(Class<T> type) {
            List<T> all = all(type);
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }

        TraceEvent last() {
            return events.isEmpty() ? null : events.get(events.size() - 1);
        }
    }
}
