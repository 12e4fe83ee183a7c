package dev.switchboard.system;

import dev.switchboard.flow.FaultSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Simulator;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Changes the running system's settings — from a user's command or a flow's scheduled fault — at
 * the current virtual time, and announces every change in the trace.
 */
final class SystemControls {
    private final Simulator sim;
    private final TraceEmitter trace;
    private final OrderWorkflow workflow;
    private final SplittableRandom arrivalRandom;
    private int arrivalGeneration;

    SystemControls(Simulator sim, TraceEmitter trace, OrderWorkflow workflow, SplittableRandom arrivalRandom) {
        this.sim = sim;
        this.trace = trace;
        this.workflow = workflow;
        this.arrivalRandom = arrivalRandom;
    }

    void apply(Command command) {
        if (command instanceof Command.SetInstanceDown c && workflow.service(c.service()).instance(c.instance()) == null) {
            throw new IllegalArgumentException(c.service().displayName() + " has no instance " + (c.instance() + 1)
                    + "; it runs " + workflow.service(c.service()).instances.size() + ".");
        }
        trace.emit(new TraceEvent.CommandApplied(sim.nowMs(), command));
        String reason = command.describe();
        if (command instanceof Command.PlaceOrders c) {
            for (int i = 0; i < c.count(); i++) {
                workflow.placeOrder();
            }
        } else if (command instanceof Command.SetArrivalRate c) {
            startArrivals(c.ratePerSecond());
        } else if (command instanceof Command.SetLinkLatency c) {
            changeLink(c.link(), spec -> spec.withLatencyMs(c.latencyMs()), reason);
        } else if (command instanceof Command.SetLinkLoss c) {
            changeLink(c.link(), spec -> spec.withLossRate(c.lossRate()), reason);
        } else if (command instanceof Command.SetLinkTimeout c) {
            changeLink(c.link(), spec -> spec.withTimeoutMs(c.timeoutMs()), reason);
        } else if (command instanceof Command.SetLinkStyle c) {
            changeLink(c.link(), spec -> spec.withStyle(c.style()), reason);
        } else if (command instanceof Command.SetQueueCapacity c) {
            changeLink(c.link(), spec -> spec.withCapacity(c.capacity()), reason);
        } else if (command instanceof Command.SetErrorRate c) {
            changeService(c.service(), spec -> spec.withErrorRate(c.errorRate()), reason);
        } else if (command instanceof Command.SetSlowdown c) {
            changeService(c.service(), spec -> spec.withSlowdown(c.factor()), reason);
        } else if (command instanceof Command.SetWorkTime c) {
            changeService(c.service(), spec -> spec.withWorkMs(c.workMs()), reason);
        } else if (command instanceof Command.SetStockOutRate c) {
            changeService(ServiceId.INVENTORY, spec -> spec.withStockOutRate(c.stockOutRate()), reason);
        } else if (command instanceof Command.SetTripTime c) {
            changeService(ServiceId.DELIVERY, spec -> spec.withTripMs(c.tripMs()), reason);
        } else if (command instanceof Command.SetAgents c) {
            workflow.agents.setLimit(c.agents());
            changeService(ServiceId.DELIVERY, spec -> spec.withAgents(c.agents()), reason);
            workflow.assignWaiting();
        } else if (command instanceof Command.SetWorkers c) {
            setWorkers(c.service(), c.workers(), reason);
        } else if (command instanceof Command.SetRetry c) {
            changeLink(c.link(), spec -> spec.withRetry(c.retry()), reason);
        } else if (command instanceof Command.SetBreaker c) {
            changeLink(c.link(), spec -> spec.withBreaker(c.breaker()), reason);
        } else if (command instanceof Command.SetBulkhead c) {
            changeLink(c.link(), spec -> spec.withBulkhead(c.bulkhead()), reason);
        } else if (command instanceof Command.SetStockFallback c) {
            changeLink(LinkId.ORDER_INVENTORY, spec -> spec.withFallback(c.fallback()), reason);
        } else if (command instanceof Command.SetDeliveryPolicy c) {
            changeLink(c.link(), spec -> spec.withDelivery(c.delivery()), reason);
        } else if (command instanceof Command.SetPoisonRate c) {
            changeService(c.service(), spec -> spec.withPoisonRate(c.poisonRate()), reason);
        } else if (command instanceof Command.SetIdempotent c) {
            changeService(c.service(), spec -> spec.withIdempotent(c.idempotent()), reason);
        } else if (command instanceof Command.SetServiceDown c) {
            ServiceNode service = workflow.service(c.service());
            changeRunning(service, () -> service.setManualDown(c.down()), reason);
        } else if (command instanceof Command.SetInstanceDown c) {
            ServiceNode service = workflow.service(c.service());
            InstanceNode instance = service.instance(c.instance());
            changeRunning(service, () -> instance.manualDown = c.down(), reason);
        } else if (command instanceof Command.SetInstances c) {
            ServiceNode service = workflow.service(c.service());
            workflow.setInstances(service, c.instances(), reason);
            announce(service, reason);
        } else if (command instanceof Command.SetDiscovery c) {
            workflow.discovery.configure(c.discovery());
            trace.emit(new TraceEvent.DiscoveryChanged(sim.nowMs(), c.discovery(), reason));
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
    }

    void startFault(FaultSpec fault) {
        trace.emit(new TraceEvent.FaultChanged(sim.nowMs(), fault, true));
        String reason = "fault: " + describe(fault) + " for " + Math.round(fault.forMs()) + " ms";
        applyFault(fault, +1, reason);
    }

    void endFault(FaultSpec fault) {
        trace.emit(new TraceEvent.FaultChanged(sim.nowMs(), fault, false));
        applyFault(fault, -1, "fault over: " + describe(fault));
    }

    private void applyFault(FaultSpec fault, int direction, String reason) {
        switch (fault.kind()) {
            case DOWN -> {
                ServiceNode service = workflow.service(fault.service());
                if (fault.instance() == FaultSpec.ALL_INSTANCES) {
                    changeRunning(service, () -> service.addDownFault(direction), reason);
                } else {
                    InstanceNode instance = service.instance(fault.instance());
                    if (instance != null) {
                        changeRunning(service, () -> instance.downFaults += direction, reason);
                    }
                }
            }
            case SLOW -> {
                ServiceNode service = workflow.service(fault.service());
                if (direction > 0) {
                    service.addSlowFault(fault.value());
                } else {
                    service.removeSlowFault(fault.value());
                }
                announce(service, reason);
            }
            case ERRORS -> {
                ServiceNode service = workflow.service(fault.service());
                if (direction > 0) {
                    service.addErrorFault(fault.value());
                } else {
                    service.removeErrorFault(fault.value());
                }
                announce(service, reason);
            }
            case LOSS -> {
                LinkNode link = workflow.link(fault.link());
                if (direction > 0) {
                    link.addLossFault(fault.value());
                } else {
                    link.removeLossFault(fault.value());
                }
                trace.emit(OrderWorkflow.linkChanged(sim.nowMs(), link, reason));
            }
        }
    }

    private static String describe(FaultSpec fault) {
        return fault.describe();
    }

    /**
     * Applies a change that may crash or revive instances, announces it, and lets each instance
     * that went down lose its work and each that came back start again.
     */
    private void changeRunning(ServiceNode service, Runnable change, String reason) {
        List<InstanceNode> instances = new java.util.ArrayList<>(service.instances);
        boolean[] before = new boolean[instances.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = instances.get(i).running();
        }
        boolean anyBefore = service.anyRunning();
        change.run();
        announce(service, reason);
        for (int i = 0; i < before.length; i++) {
            InstanceNode instance = instances.get(i);
            boolean after = instance.running();
            if (before[i] != after) {
                workflow.announce(instance, reason);
                if (before[i]) {
                    workflow.crash(instance);
                } else {
                    workflow.recover(instance);
                }
            }
        }
        if (anyBefore && !service.anyRunning()) {
            workflow.serviceStopped(service);
        }
    }

    private void changeService(ServiceId id, UnaryOperator<dev.switchboard.flow.ServiceSpec> change, String reason) {
        ServiceNode service = workflow.service(id);
        service.setBase(change.apply(service.baseSettings()));
        announce(service, reason);
    }

    private void setWorkers(ServiceId id, int count, String reason) {
        ServiceNode service = workflow.service(id);
        List<Worker> added = workflow.setWorkers(service, count);
        announce(service, reason);
        for (Worker worker : added) {
            if (worker.instance.running()) {
                trace.emit(new TraceEvent.WorkerIdle(sim.nowMs(), id, worker.index));
            }
        }
        workflow.dispatch(service);
    }

    private void announce(ServiceNode service, String reason) {
        trace.emit(workflow.serviceChanged(service, reason));
    }

    private void changeLink(LinkId id, UnaryOperator<dev.switchboard.flow.LinkSpec> change, String reason) {
        LinkNode link = workflow.link(id);
        link.setBase(change.apply(link.baseSettings()));
        trace.emit(OrderWorkflow.linkChanged(sim.nowMs(), link, reason));
    }

    /** Starts (or replaces, or with 0 stops) the automatic Poisson arrivals. */
    private void startArrivals(double ratePerSecond) {
        int generation = ++arrivalGeneration;
        if (ratePerSecond > 0) {
            scheduleArrival(generation, 1000.0 / ratePerSecond);
        }
    }

    private void scheduleArrival(int generation, double meanGapMs) {
        double gapMs = -meanGapMs * StrictMath.log(1.0 - arrivalRandom.nextDouble());
        sim.schedule(gapMs, () -> {
            if (generation != arrivalGeneration) {
                return; // the rate was changed or stopped since
            }
            workflow.placeOrder();
            scheduleArrival(generation, meanGapMs);
        });
    }
}
