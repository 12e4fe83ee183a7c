package dev.switchboard.system;

import dev.switchboard.flow.FaultSpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.RandomStreams;
import dev.switchboard.sim.Simulator;
import dev.switchboard.flow.FlowException;
import dev.switchboard.trace.Beats;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One run of a flow: builds the system, feeds it the flow's orders and faults and the user's
 * commands, and emits every state change to its trace listeners. The same flow, seed and commands
 * at the same virtual times give the same trace, event for event.
 */
public final class Simulation {
    private final Flow flow;
    private final Simulator sim = new Simulator();
    private final TraceEmitter trace = new TraceEmitter();
    private final OrderWorkflow workflow;
    private final SystemControls controls;
    private final SplittableRandom flowArrivals;
    private final List<Beats.Timed> script;
    private boolean started;

    public Simulation(Flow flow) {
        this.flow = Objects.requireNonNull(flow, "flow");
        RandomStreams random = new RandomStreams(flow.seed());
        this.workflow = new OrderWorkflow(flow, sim, random, trace);
        this.controls = new SystemControls(sim, trace, workflow, random.stream("arrivals:commanded"));
        this.flowArrivals = random.stream("arrivals");
        try {
            this.script = Beats.script(flow);
        } catch (FlowException refused) {
            // A loaded flow has had its script checked (Beats.of); this one was built in code.
            throw new IllegalArgumentException(refused.getMessage(), refused);
        }
    }

    public Flow flow() {
        return flow;
    }

    /** The system itself, for tests in this package that compare its bookkeeping with a plain scan. */
    OrderWorkflow workflow() {
        return workflow;
    }

    public void addListener(TraceListener listener) {
        trace.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Announces the initial settings and schedules the flow's orders, faults and script. Runs once. */
    public void start() {
        if (started) {
            throw new IllegalStateException("the simulation has already started");
        }
        started = true;
        trace.emit(new TraceEvent.RunStarted(0, flow.name(), flow.seed()));
        for (ServiceId id : ServiceId.values()) {
            ServiceNode service = workflow.service(id);
            trace.emit(workflow.serviceChanged(service, "flow settings"));
        }
        for (LinkId id : LinkId.values()) {
            trace.emit(OrderWorkflow.linkChanged(0, workflow.link(id), "flow settings"));
        }
        for (ServiceId id : ServiceId.values()) {
            for (InstanceNode instance : workflow.service(id).instances) {
                workflow.announce(instance, "flow settings");
            }
        }
        if (flow.discovery() != null) {
            trace.emit(new TraceEvent.DiscoveryChanged(0, flow.discovery(), "flow settings"));
        }
        workflow.discovery.start();
        if (flow.orders().count() > 0) {
            scheduleFlowArrival(1);
        }
        for (FaultSpec fault : flow.faults()) {
            sim.scheduleAt(fault.atMs(), () -> controls.startFault(fault));
            sim.scheduleAt(fault.atMs() + fault.forMs(), () -> controls.endFault(fault));
        }
        // The script's commands, like the faults, are events of the run: each comes out as CommandApplied at its time.
        for (Beats.Timed step : script) {
            sim.scheduleAt(step.atMs(), () -> controls.apply(step.command()));
        }
    }

    private void scheduleFlowArrival(int number) {
        double gapMs = flow.orders().interarrivalMs().sample(flowArrivals);
        sim.schedule(gapMs, () -> {
            workflow.placeOrder();
            if (number < flow.orders().count()) {
                scheduleFlowArrival(number + 1);
            }
        });
    }

    /** Applies a user's command at the current virtual time. */
    public void apply(Command command) {
        controls.apply(Objects.requireNonNull(command, "command"));
    }

    public double nowMs() {
        return sim.nowMs();
    }

    /** Runs exactly one engine event (which may emit several trace events); false when none is left. */
    public boolean step() {
        return sim.step();
    }

    public void runUntil(double timeMs) {
        sim.runUntil(timeMs);
    }

    /** Runs until nothing is scheduled. With automatic arrivals switched on by a command this never ends. */
    public void runToEnd() {
        sim.runToEnd();
    }

    public double nextEventTimeMs() {
        return sim.nextEventTimeMs();
    }

    public boolean hasPendingEvents() {
        return sim.hasPendingEvents();
    }

    /** Engine events run so far. */
    public long executedEvents() {
        return sim.executedEvents();
    }

    /** Trace events emitted so far. */
    public long emittedTraceEvents() {
        return trace.emitted();
    }

    public long placedOrders() {
        return workflow.placedOrders();
    }

    public long finishedOrders() {
        return workflow.finishedOrders();
    }
}
