package dev.switchboard.system;

import dev.switchboard.model.WorkerState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One running copy of a service: its workers, its in-memory inbound line, whether it is crashed,
 * how many calls are in progress against it, and what the registry knows of it. It keeps its
 * workers' free, active and retiring sets by number, so that picking a worker costs the same
 * however many it has.
 */
final class InstanceNode {
    final ServiceNode service;
    final int index;
    /** Its workers in the order they joined; change it only through {@link #attach} and {@link #detach}. */
    final List<Worker> workers = new ArrayList<>();
    /** By worker number: the free ones (idle, not retiring), the active ones (not retiring), the retiring ones. */
    private final BitSet free = new BitSet();
    private final BitSet activeWorkers = new BitSet();
    private final BitSet retiringWorkers = new BitSet();
    private int freeCount;
    private int activeCount;
    private int occupiedCount;
    /** No worker of this instance has had a lower number: where a search of the sets may start. */
    private int lowestNumber = Integer.MAX_VALUE;
    final ArrayDeque<InboundItem> memoryLine = new ArrayDeque<>();
    boolean manualDown;
    int downFaults;
    /** Being shut down gracefully: no new work is routed to it; it goes once it is idle. */
    boolean retiring;
    boolean removed;
    int callsInProgress;
    boolean registered;
    double lastHeartbeatMs;

    InstanceNode(ServiceNode service, int index) {
        this.service = service;
        this.index = index;
    }

    /** Up and able to work: neither it nor its whole service is crashed. */
    boolean running() {
        return !removed && service.isUp() && !manualDown && downFaults == 0;
    }

    List<Integer> workerNumbers() {
        List<Integer> numbers = new ArrayList<>();
        for (Worker worker : workers) {
            numbers.add(worker.index);
        }
        numbers.sort(null);
        return numbers;
    }

    /** The lowest-numbered idle worker that is not retiring, or null. */
    Worker freeWorker() {
        if (freeCount == 0) {
            return null;
        }
        return service.workerByNumber(free.nextSetBit(lowestNumber));
    }

    /** Removes and returns the item that arrived first across its own line and the service's durable line. */
    InboundItem pollNext() {
        InboundItem memory = memoryLine.peekFirst();
        InboundItem durable = retiring ? null : service.durableLine.peekFirst();
        if (memory == null && durable == null) {
            return null;
        }
        if (durable == null || (memory != null && memory.arrivedMs() < durable.arrivedMs())) {
            return memoryLine.pollFirst();
        }
        return service.durableLine.pollFirst();
    }

    /** Whether there is work for it: its own line, and the shared durable line unless it is shutting down. */
    boolean hasWaiting() {
        return !memoryLine.isEmpty() || (!retiring && !service.durableLine.isEmpty());
    }

    int activeWorkerCount() {
        return activeCount;
    }

    Worker addWorker() {
        Worker worker = new Worker(this, service.takeWorkerNumber());
        worker.setState(running() ? WorkerState.IDLE : WorkerState.DOWN);
        attach(worker);
        return worker;
    }

    /** Makes the worker one of this instance's, last in its list. */
    void attach(Worker worker) {
        workers.add(worker);
        worker.attached = true;
        service.registerWorker(worker);
        lowestNumber = Math.min(lowestNumber, worker.index);
        workerChanged(worker);
    }

    /** The worker leaves the instance; its number may be given to a new worker. */
    void detach(Worker worker) {
        workers.remove(worker);
        forget(worker);
    }

    /** Every worker leaves the instance. */
    void detachAll() {
        for (Worker worker : workers) {
            forget(worker);
        }
        workers.clear();
    }

    private void forget(Worker worker) {
        workerChanging(worker);
        worker.attached = false;
        service.releaseWorkerNumber(worker);
    }

    /** Takes the worker's current state out of the sets; {@link #workerChanged} puts the new one in. */
    void workerChanging(Worker worker) {
        if (worker.isFree()) {
            free.clear(worker.index);
            freeCount--;
        }
        if (worker.retiring()) {
            retiringWorkers.clear(worker.index);
        } else {
            activeWorkers.clear(worker.index);
            activeCount--;
        }
        if (worker.isOccupied()) {
            occupiedCount--;
        }
    }

    void workerChanged(Worker worker) {
        if (worker.isFree()) {
            free.set(worker.index);
            freeCount++;
        }
        if (worker.retiring()) {
            retiringWorkers.set(worker.index);
        } else {
            activeWorkers.set(worker.index);
            activeCount++;
        }
        if (worker.isOccupied()) {
            occupiedCount++;
        }
    }

    /** The highest-numbered worker that is not yet retiring, or null. */
    Worker highestActive() {
        return activeCount == 0 ? null : service.workerByNumber(activeWorkers.length() - 1);
    }

    Worker lowestRetiring() {
        int number = retiringWorkers.nextSetBit(lowestNumber);
        return number < 0 ? null : service.workerByNumber(number);
    }

    /** Nothing in hand, nothing waiting, and no call routed to it still on its way or unanswered. */
    boolean isIdle() {
        return callsInProgress == 0 && occupiedCount == 0 && memoryLine.isEmpty();
    }
}
