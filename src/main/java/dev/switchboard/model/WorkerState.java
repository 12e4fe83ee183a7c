package dev.switchboard.model;

/** What one worker of a service is doing. */
public enum WorkerState {
    IDLE, BUSY, BLOCKED, DOWN
}
