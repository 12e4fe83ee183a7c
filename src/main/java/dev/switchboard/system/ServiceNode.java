package dev.switchboard.system;

import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.WorkerState;
import dev.switchboard.sim.RandomStreams;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One service: its settings (the flow's, changed by commands) with active faults laid over them,
 * its workers, and its two inbound lines — an in-memory one (new orders, sync requests) that a
 * crash empties, and a durable one (broker messages, events) that waits through a crash.
 */
final class ServiceNode {
    final ServiceId id;
    final List<Worker> workers = new ArrayList<>();
    final ArrayDeque<InboundItem> memoryLine = new ArrayDeque<>();
    final ArrayDeque<InboundItem> durableLine = new ArrayDeque<>();
    final SplittableRandom workRandom;
    final SplittableRandom errorRandom;

    private ServiceSpec base;
    private boolean manualDown;
    private int downFaults;
    private final List<Double> slowFaults = new ArrayList<>();
    private final List<Double> errorFaults = new ArrayList<>();
    private ServiceSpec effective;

    ServiceNode(ServiceId id, ServiceSpec spec, RandomStreams random) {
        this.id = id;
        this.base = spec;
        this.workRandom = random.stream("work:" + id.key());
        this.errorRandom = random.stream("errors:" + id.key());
        recompute();
        for (int i = 0; i < spec.workers(); i++) {
            workers.add(new Worker(this, i));
        }
    }

    ServiceSpec settings() {
        return effective;
    }

    ServiceSpec baseSettings() {
        return base;
    }

    void setBase(ServiceSpec spec) {
        base = spec;
        recompute();
    }

    boolean isUp() {
        return !manualDown && downFaults == 0;
    }

    void setManualDown(boolean down) {
        manualDown = down;
    }

    void addDownFault(int delta) {
        downFaults += delta;
    }

    void addSlowFault(double factor) {
        slowFaults.add(factor);
        recompute();
    }

    void removeSlowFault(double factor) {
        slowFaults.remove(factor);
        recompute();
    }

    void addErrorFault(double rate) {
        errorFaults.add(rate);
        recompute();
    }

    void removeErrorFault(double rate) {
        errorFaults.remove(rate);
        recompute();
    }

    private void recompute() {
        double slowdown = base.slowdown();
        for (double factor : slowFaults) {
            slowdown *= factor;
        }
        double errorRate = base.errorRate();
        for (double rate : errorFaults) {
            errorRate = Math.max(errorRate, rate);
        }
        effective = base.withSlowdown(slowdown).withErrorRate(errorRate);
    }

    /** Samples a work duration with the current slowdown applied. */
    double sampleWorkMs() {
        return effective.workMs().sample(workRandom) * effective.slowdown();
    }

    boolean sampleError() {
        double rate = effective.errorRate();
        return rate > 0 && errorRandom.nextDouble() < rate;
    }

    int depth() {
        return memoryLine.size() + durableLine.size();
    }

    /** The lowest-numbered idle worker that is not retiring, or null. */
    Worker freeWorker() {
        Worker best = null;
        for (Worker worker : workers) {
            if (worker.isFree() && (best == null || worker.index < best.index)) {
                best = worker;
            }
        }
        return best;
    }

    /** Removes and returns the item that arrived first across both lines, or null. */
    InboundItem pollNext() {
        InboundItem memory = memoryLine.peekFirst();
        InboundItem durable = durableLine.peekFirst();
        if (memory == null && durable == null) {
            return null;
        }
        if (durable == null || (memory != null && memory.arrivedMs() < durable.arrivedMs())) {
            return memoryLine.pollFirst();
        }
        return durableLine.pollFirst();
    }

    int activeWorkerCount() {
        int count = 0;
        for (Worker worker : workers) {
            if (!worker.retiring) {
                count++;
            }
        }
        return count;
    }

    /** Adds a worker with the lowest unused number. */
    Worker addWorker() {
        int index = 0;
        while (indexInUse(index)) {
            index++;
        }
        Worker worker = new Worker(this, index);
        worker.state = isUp() ? WorkerState.IDLE : WorkerState.DOWN;
        workers.add(worker);
        return worker;
    }

    private boolean indexInUse(int index) {
        for (Worker worker : workers) {
            if (worker.index == index) {
                return true;
            }
        }
        return false;
    }

    /** The highest-numbered worker that is not yet retiring, or null. */
    Worker highestActive() {
        Worker best = null;
        for (Worker worker : workers) {
            if (!worker.retiring && (best == null || worker.index > best.index)) {
                best = worker;
            }
        }
        return best;
    }
}
