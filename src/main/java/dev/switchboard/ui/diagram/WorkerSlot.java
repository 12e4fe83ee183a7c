package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import dev.switchboard.model.WorkerState;

/**
 * One worker of a service as the diagram shows it. {@code orderId} is 0 when it holds none;
 * {@code task} is null between taking an item and starting the work; {@code waitsOn},
 * {@code callee} and {@code timeoutAtMs} are set only while it is blocked on a sync call.
 */
public record WorkerSlot(ServiceId service, int index, WorkerState state, long orderId, Task task,
                         double sinceMs, double doneAtMs, LinkId waitsOn, ServiceId callee, double timeoutAtMs) {

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
