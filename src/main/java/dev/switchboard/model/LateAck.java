package dev.switchboard.model;

/** Why the broker threw an acknowledgement away when it arrived. */
public enum LateAck {
    /** The delivery it acknowledges is over: the message was put back in the queue (and maybe delivered again). */
    REDELIVERED,
    /** The message had gone to the dead-letter queue. */
    DEAD_LETTERED,
    /** Another delivery of the message was acknowledged first. */
    ALREADY_ACKED,
    /** The broker had dropped the message (queue full with drop-oldest, or a non-durable subscriber crashed). */
    DROPPED
}
