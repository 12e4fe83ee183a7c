package dev.switchboard.system;

import dev.switchboard.flow.Flow;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run pays only for the listeners it has: events of a kind no listener reads are not built,
 * only counted, and the report is the same as when every event is built.
 */
class UnreadEventsTest {
    /** The kinds the metrics do not read (they read every agent assignment and wait, for the agent wait). */
    private static final Set<Class<?>> UNREAD = Set.of(TraceEvent.OrderStatusChanged.class, TraceEvent.ReplyReceived.class,
            TraceEvent.AgentReleased.class);

    /** Reads nothing of the unread kinds, and keeps what it gets. */
    private static final class Picky implements TraceListener {
        final List<TraceEvent> received = new ArrayList<>();
        final List<Double> skipped = new ArrayList<>();

        @Override
        public void onEvent(TraceEvent event) {
            received.add(event);
        }

        @Override
        public boolean reads(Class<? extends TraceEvent> kind) {
            return !UNREAD.contains(kind);
        }

        @Override
        public void onSkipped(double timeMs) {
            skipped.add(timeMs);
        }
    }

    @Test
    void eventsNoListenerReadsAreCountedNotBuiltAndTheReportStaysTheSame() {
        Flow flow = TestFlows.hybrid(300, 9);
        Simulation fullRun = new Simulation(flow);
        Metrics fullMetrics = new Metrics();
        List<TraceEvent> everything = new ArrayList<>();
        fullRun.addListener(fullMetrics);
        fullRun.addListener(everything::add); // reads every kind, so every event is built
        fullRun.start();
        fullRun.runToEnd();

        Simulation lean = new Simulation(flow);
        Metrics leanMetrics = new Metrics();
        Picky picky = new Picky();
        lean.addListener(leanMetrics);
        lean.addListener(picky);
        lean.start();
        lean.runToEnd();

        List<TraceEvent> unread = everything.stream().filter(e -> UNREAD.contains(e.getClass())).toList();
        assertTrue(unread.size() > 1000, "the hybrid flow has many of them: " + unread.size());
        assertTrue(picky.received.stream().noneMatch(e -> UNREAD.contains(e.getClass())), "none was built");
        assertEquals(unread.stream().map(TraceEvent::timeMs).toList(), picky.skipped, "each counted at its time");
        assertEquals(everything.stream().filter(e -> !UNREAD.contains(e.getClass())).toList(), picky.received);
        assertEquals(fullRun.emittedTraceEvents(), lean.emittedTraceEvents());
        assertEquals(fullMetrics.report(), leanMetrics.report());
    }
}
