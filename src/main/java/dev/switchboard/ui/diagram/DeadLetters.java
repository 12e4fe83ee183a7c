package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;

import java.util.List;

/**
 * A link's dead-letter queue as the diagram shows it: how many messages went there, the last few
 * order ids (oldest first, at most {@link #RECENT}) and how many events a non-durable subscriber missed.
 */
public record DeadLetters(LinkId link, long count, List<Long> recent, long missedEvents) {

    /** How many of the latest dead-lettered orders are kept as chips. */
    public static final int RECENT = 5;
}
