package dev.switchboard.model;

/**
 * One worker a service has: its number (unique across the service's instances), the instance it
 * belongs to, and whether it is retiring (the worker count was lowered; it goes once it has
 * finished what it holds, with a {@code WorkerRetired}).
 */
public record WorkerSeat(int worker, int instance, boolean retiring) {
}
