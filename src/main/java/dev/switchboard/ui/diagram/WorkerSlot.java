package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import dev.switchboard.model.WorkerState;

/**
 * One worker of a service as the diagram shows it. {@code orderId} is 0 when it holds none;
 * {@code task} is null between taking an item and starting the work; {@code waitsOn},
 * {@code callee} and {@code timeoutAtMs} are set only while it is blocked on a sync call. {@code index}
 * is the engine's 0-based worker number (the slot is labelled {@code w<index+1>}); {@code instance}
 * the number of the service instance that owns it (0 with a single instance); {@code attempt} the
 * retry attempt of its current call (0 before any retry, 2 for the first retry) with the backoff ending at {@code retryAtMs}.
 */
public record WorkerSlot(ServiceId service, int index, WorkerState state, long orderId, Task task,
                         double sinceMs, double doneAtMs, LinkId waitsOn, ServiceId callee, double timeoutAtMs,
                         int instance, int attempt, double retryAtMs) {

    /** The label counted from 1, as the narration says it: "w1" for worker 0. */
    public String label() {
        return "w" + (index + 1);
    }

    /** True while the worker holds an order whose call has been retried at least once. */
    public boolean retrying() {
        return attempt > 1 && holdsOrder();
    }

    public boolean holdsOrder() {
        return orderId > 0;
    }

    /** Milliseconds of virtual time left before the blocked call times out (never negative). */
    public double timeoutInMs(double nowMs) {
        return Math.max(0, timeoutAtMs - nowMs);
    }

    /** The fraction of the current task done at {@code nowMs}, 0 when no task is running. */
    public double workProgressAt(double nowMs) {
        if (task == null || state != WorkerState.BUSY || doneAtMs <= sinceMs) {
            return 0;
        }
        return Math.max(0, Math.min(1, (nowMs - sinceMs) / (doneAtMs - sinceMs)));
    }
}
