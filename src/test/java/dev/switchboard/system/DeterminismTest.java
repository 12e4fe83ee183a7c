package dev.switchboard.system;

import dev.switchboard.flow.Flow;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DeterminismTest {

    private static List<String> run(Flow flow, boolean withCommands) {
        Simulation simulation = new Simulation(flow);
        List<String> trace = new ArrayList<>();
        simulation.addListener(e -> trace.add(e.toString()));
        simulation.start();
        if (withCommands) {
            simulation.runUntil(2_000);
            simulation.apply(new Command.SetLinkLatency(LinkId.ORDER_INVENTORY, new Distribution.Uniform(10, 90)));
            simulation.apply(new Command.PlaceOrders(5));
            simulation.runUntil(4_000);
            simulation.apply(new Command.SetServiceDown(ServiceId.KITCHEN, true));
            simulation.runUntil(6_000);
            simulation.apply(new Command.SetServiceDown(ServiceId.KITCHEN, false));
            simulation.apply(new Command.SetWorkers(ServiceId.KITCHEN, 3));
        }
        simulation.runToEnd();
        return trace;
    }

    @Test
    void theSameFlowAndSeedGiveTheSameTraceEventForEvent() {
        assertEquals(run(TestFlows.hybrid(200, 42), false), run(TestFlows.hybrid(200, 42), false));
    }

    @Test
    void theSameCommandsAtTheSameVirtualTimesReplayExactly() {
        List<String> first = run(TestFlows.hybrid(200, 7), true);
        assertEquals(first, run(TestFlows.hybrid(200, 7), true));
        assertNotEquals(run(TestFlows.hybrid(200, 7), false), first);
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        assertNotEquals(run(TestFlows.hybrid(50, 1), false), run(TestFlows.hybrid(50, 2), false));
    }

    @Test
    void changingOneServicesSettingDoesNotShiftAnotherSourcesRandomNumbers() {
        Flow base = TestFlows.hybrid(30, 42);
        Flow slowerDelivery = base.withService(ServiceId.DELIVERY,
                base.service(ServiceId.DELIVERY).withWorkMs(new Distribution.Exponential(50)));
        assertEquals(kitchenWorkTimes(base), kitchenWorkTimes(slowerDelivery));
    }

    private static List<Double> kitchenWorkTimes(Flow flow) {
        Simulation simulation = new Simulation(flow);
        List<Double> durations = new ArrayList<>();
        simulation.addListener(e -> {
            if (e instanceof TraceEvent.WorkStarted w && w.service() == ServiceId.KITCHEN) {
                durations.add(w.doneAtMs() - w.timeMs());
            }
        });
        simulation.start();
        simulation.runToEnd();
        return durations;
    }
}
