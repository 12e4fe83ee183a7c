package dev.switchboard.system;

import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.WorkerState;
import dev.switchboard.sim.RandomStreams;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One service: its settings (the flow's, changed by commands) with active faults laid over them,
 * its instances (each with workers and an in-memory inbound line that a crash empties), and the
 * durable line of broker messages or events that all its instances consume and that waits
 * through a crash.
 */
final class ServiceNode {
    final ServiceId id;
    final List<InstanceNode> instances = new ArrayList<>();
    final ArrayDeque<InboundItem> durableLine = new ArrayDeque<>();
    final SplittableRandom workRandom;
    final SplittableRandom errorRandom;

    private ServiceSpec base;
    private boolean manualDown;
    private int downFaults;
    private final List<Double> slowFaults = new ArrayList<>();
    private final List<Double> errorFaults = new ArrayList<>();
    private ServiceSpec effective;
    /** Worker numbers given out (a reserved one counts before its worker joins) and the workers by number. */
    private final BitSet numbersInUse = new BitSet();
    private Worker[] workersByNumber = new Worker[8];
    /** Every number below it is in use. */
    private int lowestMaybeFreeNumber;

    ServiceNode(ServiceId id, ServiceSpec spec, RandomStreams random) {
        this.id = id;
        this.base = spec;
        this.workRandom = random.stream("work:" + id.key());
        this.errorRandom = random.stream("errors:" + id.key());
        recompute();
        for (int i = 0; i < spec.instances(); i++) {
            addInstance();
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

    /** The service as a whole is not crashed (one of its instances may still be). */
    boolean isUp() {
        return !manualDown && downFaults == 0;
    }

    /** Whether at least one instance can work. */
    boolean anyRunning() {
        for (InstanceNode instance : instances) {
            if (instance.running()) {
                return true;
            }
        }
        return false;
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

    /** Everything waiting for this service: every instance's in-memory line and the durable line. */
    int depth() {
        int depth = durableLine.size();
        for (InstanceNode instance : instances) {
            depth += instance.memoryLine.size();
        }
        return depth;
    }

    InstanceNode instance(int index) {
        for (InstanceNode instance : instances) {
            if (instance.index == index) {
                return instance;
            }
        }
        return null;
    }

    /** Instances that take new work: not being shut down. */
    List<InstanceNode> activeInstances() {
        List<InstanceNode> active = new ArrayList<>();
        for (InstanceNode instance : instances) {
            if (!instance.retiring) {
                active.add(instance);
            }
        }
        return active;
    }

    /** Starts a new instance with the current number of workers per instance. */
    InstanceNode addInstance() {
        int index = 0;
        while (instance(index) != null) {
            index++;
        }
        InstanceNode instance = new InstanceNode(this, index);
        instances.add(instance);
        WorkerState state = instance.running() ? WorkerState.IDLE : WorkerState.DOWN;
        for (int i = 0; i < base.workers(); i++) {
            Worker worker = new Worker(instance, takeWorkerNumber());
            worker.setState(state);
            instance.attach(worker);
        }
        return instance;
    }

    /**
     * Reserves the lowest worker number not in use: numbers are unique across the service's
     * instances, and a freed number is used again.
     */
    int takeWorkerNumber() {
        int number = numbersInUse.nextClearBit(lowestMaybeFreeNumber);
        numbersInUse.set(number);
        lowestMaybeFreeNumber = number + 1;
        return number;
    }

    void registerWorker(Worker worker) {
        numbersInUse.set(worker.index);
        if (worker.index >= workersByNumber.length) {
            workersByNumber = Arrays.copyOf(workersByNumber, Math.max(worker.index + 1, 2 * workersByNumber.length));
        }
        workersByNumber[worker.index] = worker;
    }

    void releaseWorkerNumber(Worker worker) {
        numbersInUse.clear(worker.index);
        workersByNumber[worker.index] = null;
        lowestMaybeFreeNumber = Math.min(lowestMaybeFreeNumber, worker.index);
    }

    Worker workerByNumber(int number) {
        return number < 0 ? null : workersByNumber[number];
    }
}
