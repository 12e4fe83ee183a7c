package dev.switchboard.trace;

/** An event about one worker of a service, numbered from 0 across the service's instances. */
public interface WorkerScoped extends ServiceScoped {

    /** The worker's number, from 0. */
    int worker();
}
