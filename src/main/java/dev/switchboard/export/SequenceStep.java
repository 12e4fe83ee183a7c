package dev.switchboard.export;

/**
 * One line of a sequence diagram, in trace order: an arrow between lifelines, a note over one, or a
 * blocked bar beginning or ending on one. {@code timeMs} is when it happened (for an arrow: when it left).
 */
public sealed interface SequenceStep {
    double timeMs();

    long orderId();

    /** How an arrow is drawn. */
    enum ArrowStyle {
        /** A sync request: the caller waits. */
        REQUEST,
        /** The reply to a sync request. */
        REPLY,
        /** A queued message or an event: the sender goes on. */
        ASYNC,
        /** Something that never arrived. */
        LOST
    }

    record Arrow(double timeMs, long orderId, Lifeline from, Lifeline to, ArrowStyle style, String label)
            implements SequenceStep { }

    record Note(double timeMs, long orderId, Lifeline over, String text) implements SequenceStep { }

    /** A worker of {@code on} became blocked on a sync call ({@code begins}) or free of it. */
    record Blocked(double timeMs, long orderId, Lifeline on, boolean begins) implements SequenceStep { }
}
