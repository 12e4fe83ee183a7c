package dev.switchboard.ui.diagram;

import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.ServiceId;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Command;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the diagram used to copy an engine rule it now shows what the trace states, also in the
 * cases the copied rule got wrong: workers added to a service with several instances, and agents
 * free after their number was lowered while some were out.
 */
class DiagramStateReadsFactsTest {

    @Test
    void workersAddedToEveryInstanceAreShownInTheirOwnInstance() throws Exception {
        Simulation sim = new Simulation(FlowLoader.loadSample("instance-failover.json"));
        DiagramState state = new DiagramState();
        sim.addListener(state);
        sim.start();
        sim.runUntil(1_000);
        sim.apply(new Command.SetWorkers(ServiceId.INVENTORY, 3));

        List<InstanceBand> bands = state.instances(ServiceId.INVENTORY);
        assertEquals(3, bands.size());
        ServiceStatus inventory = state.service(ServiceId.INVENTORY);
        assertEquals(9, inventory.workers().size());
        for (InstanceBand band : bands) {
            assertEquals(3, band.workers().size(), "instance " + band.instance() + ": " + band.workers());
            for (WorkerSlot slot : inventory.workers()) {
                assertEquals(band.workers().contains(slot.index()), slot.instance() == band.instance(),
                        "worker " + slot.index() + " is in instance " + slot.instance());
            }
        }
    }

    @Test
    void busyWorkersRetiringAfterALowerCountAreShownStoppingUntilTheyRetire() throws Exception {
        Simulation sim = new Simulation(FlowLoader.loadSample("kitchen-backlog.json"));
        DiagramState state = new DiagramState();
        sim.addListener(state);
        sim.start();
        sim.runUntil(3_000);
        int before = state.service(ServiceId.KITCHEN).workers().size();
        sim.apply(new Command.SetWorkers(ServiceId.KITCHEN, 1));
        ServiceStatus kitchen = state.service(ServiceId.KITCHEN);
        assertEquals(1, kitchen.workerCount());
        assertTrue(kitchen.stoppingCount() > 0 && kitchen.stoppingCount() == before - 1,
                "a backlog keeps every cook busy, so all but one are stopping: " + kitchen);
        sim.runUntil(10_000);
        assertEquals(1, state.service(ServiceId.KITCHEN).workers().size());
        assertEquals(0, state.service(ServiceId.KITCHEN).stoppingCount());
    }

    @Test
    void agentsFreeAfterTheirNumberWasLoweredWhileSomeWereOutAreNeverBelowZero() throws Exception {
        Simulation sim = new Simulation(FlowLoader.loadSample("courier-shortage.json"));
        DiagramState state = new DiagramState();
        sim.addListener(state);
        sim.start();
        while (state.agents().busy().size() < 3 && sim.step()) {
            // until every agent is out
        }
        assertEquals(3, state.agents().busy().size());
        sim.apply(new Command.SetAgents(1));
        assertEquals(1, state.agents().total());
        assertEquals(0, state.agents().free(), "three out of one allowed: none free (not -2)");
    }
}
