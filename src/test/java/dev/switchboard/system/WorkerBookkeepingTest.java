package dev.switchboard.system;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.WorkerState;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The instances keep their free, active and retiring workers in sets by number instead of
 * scanning their workers on every event; after every trace event of runs full of worker, instance
 * and crash commands, those sets give exactly what a scan of the workers gives.
 */
class WorkerBookkeepingTest {

    @Test
    void theFreeActiveAndRetiringSetsAgreeWithAScanOfTheWorkersAfterEveryEvent() {
        for (long seed = 1; seed <= 40; seed++) {
            Simulation simulation = new Simulation(TestFlows.hybrid(60, seed));
            OrderWorkflow workflow = simulation.workflow();
            long[] checks = new long[1];
            simulation.addListener(event -> {
                checkAgainstScan(workflow);
                checks[0]++;
            });
            simulation.start();
            SplittableRandom random = new SplittableRandom(seed);
            double t = 0;
            List<Command> undo = new ArrayList<>();
            for (int c = 0; c < 25; c++) {
                t += random.nextDouble() * 800;
                simulation.runUntil(t);
                ServiceId service = ServiceId.values()[random.nextInt(4)];
                switch (random.nextInt(4)) {
                    case 0, 1 -> simulation.apply(new Command.SetWorkers(service, 1 + random.nextInt(6)));
                    case 2 -> simulation.apply(new Command.SetInstances(service, 1 + random.nextInt(3)));
                    default -> {
                        simulation.apply(new Command.SetServiceDown(service, true));
                        undo.add(new Command.SetServiceDown(service, false));
                    }
                }
            }
            undo.forEach(simulation::apply);
            simulation.runToEnd();
            checkAgainstScan(workflow);
            assertEquals(simulation.emittedTraceEvents(), checks[0], "checked after every event, seed " + seed);
        }
    }

    @Test
    void thirtyThousandWorkersAreNumberedAndServeTheirOrders() {
        Flow base = TestFlows.hybrid(5, 1);
        Flow flow = base.withService(ServiceId.ORDER, base.service(ServiceId.ORDER).withWorkers(30_000));
        flow = new Flow(flow.name(), "", 1, new OrdersSpec(5, flow.orders().interarrivalMs()), flow.services(), flow.links(),
                List.of());
        RecordingRun run = new RecordingRun(flow);
        run.simulation.runToEnd();
        TraceEvent.InstanceChanged order = run.all(TraceEvent.InstanceChanged.class).stream()
                .filter(e -> e.service() == ServiceId.ORDER).findFirst().orElseThrow();
        assertEquals(IntStream.range(0, 30_000).boxed().toList(), order.workers());
        assertEquals(5, run.all(TraceEvent.OrderFinished.class).size());
        assertEquals(List.of(0, 0, 0, 0, 0), run.all(TraceEvent.InboundTaken.class).stream()
                .filter(e -> e.service() == ServiceId.ORDER).map(TraceEvent.InboundTaken::worker).toList(),
                "orders far apart each find worker 0 free again");
    }

    private static void checkAgainstScan(OrderWorkflow workflow) {
        for (ServiceNode service : workflow.services.values()) {
            for (InstanceNode instance : service.instances) {
                assertSame(scanFree(instance), instance.freeWorker(), "free worker");
                assertSame(scanHighestActive(instance), instance.highestActive(), "highest active worker");
                assertSame(scanLowestRetiring(instance), instance.lowestRetiring(), "lowest retiring worker");
                assertEquals(instance.workers.stream().filter(w -> !w.retiring()).count(), instance.activeWorkerCount());
                boolean occupied = instance.workers.stream()
                        .anyMatch(w -> w.state() == WorkerState.BUSY || w.state() == WorkerState.BLOCKED);
                assertEquals(instance.callsInProgress == 0 && !occupied && instance.memoryLine.isEmpty(), instance.isIdle());
                for (Worker worker : instance.workers) {
                    assertSame(worker, service.workerByNumber(worker.index));
                }
            }
        }
    }

    private static Worker scanFree(InstanceNode instance) {
        Worker best = null;
        for (Worker worker : instance.workers) {
            if (worker.isFree() && (best == null || worker.index < best.index)) {
                best = worker;
            }
        }
        return best;
    }

    private static Worker scanHighestActive(InstanceNode instance) {
        Worker best = null;
        for (Worker worker : instance.workers) {
            if (!worker.retiring() && (best == null || worker.index > best.index)) {
                best = worker;
            }
        }
        return best;
    }

    private static Worker scanLowestRetiring(InstanceNode instance) {
        Worker best = null;
        for (Worker worker : instance.workers) {
            if (worker.retiring() && (best == null || worker.index < best.index)) {
                best = worker;
            }
        }
        return best;
    }
}
