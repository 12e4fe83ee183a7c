package dev.switchboard.ui;

/**
 * One instance of a service as the trace last reported it: {@code index} counted from 0 (shown as
 * {@code index + 1}), whether it is running, and whether it is shutting down after a scale-in.
 */
public record InstanceStatus(int index, boolean up, boolean retiring) {

    /** The number a person sees, counted from 1 as in the narration and in flow files. */
    public int number() {
        return index + 1;
    }
}
