package dev.switchboard.ui.diagram;

/** What the customer node shows: orders placed and how many ended in each outcome. */
public record CustomerTally(long placed, long delivered, long rejected, long failed, long lost, long deadLettered) {

    public long open() {
        return placed - delivered - rejected - failed - lost - deadLettered;
    }
}
