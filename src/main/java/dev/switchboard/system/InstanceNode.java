package dev.switchboard.system;

import dev.switchboard.model.WorkerState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One running copy of a service: its workers, its in-memory inbound line, whether it is crashed,
 * how many calls are in progress against it, and what the registry knows of it.
 */
final class InstanceNode {
    final ServiceNode service;
    final int index;
    final List<Worker> workers = new ArrayList<>();
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
        Worker best = null;
        for (Worker worker : workers) {
            if (worker.isFree() && (best == null || worker.index < best.index)) {
                best = worker;
            }
        }
        return best;
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
        int count = 0;
        for (Worker worker : workers) {
            if (!worker.retiring) {
                count++;
            }
        }
        return count;
    }

    Worker addWorker() {
        Worker worker = new Worker(this, service.lowestFreeWorkerNumber());
        worker.state = running() ? WorkerState.IDLE : WorkerState.DOWN;
        workers.add(worker);
        return worker;
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

    Worker lowestRetiring() {
        Worker best = null;
        for (Worker worker : workers) {
            if (worker.retiring && (best == null || worker.index < best.index)) {
                best = worker;
            }
        }
        return best;
    }

    /** Nothing in hand, nothing waiting, and no call routed to it still on its way or unanswered. */
    boolean isIdle() {
        if (callsInProgress > 0) {
            return false;
        }
        for (Worker worker : workers) {
            if (worker.state == WorkerState.BUSY || worker.state == WorkerState.BLOCKED) {
                return false;
            }
        }
        return memoryLine.isEmpty();
    }
}
