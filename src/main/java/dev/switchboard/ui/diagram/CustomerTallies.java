package dev.switchboard.ui.diagram;

import dev.switchboard.trace.TraceEvent;

/** The customer box's counts: orders placed and how many ended in each bucket. */
final class CustomerTallies implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.OrderFinished.class, TraceEvent.OrderPlaced.class);
    private long placed;
    private long delivered;
    private long rejected;
    private long failed;
    private long lost;
    private long deadLettered;

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.OrderPlaced) {
            placed++;
        } else if (e instanceof TraceEvent.OrderFinished f) {
            switch (f.outcome()) {
                case DELIVERED -> delivered++;
                case REJECTED -> rejected++;
                case FAILED -> failed++;
                case LOST -> lost++;
                case DEAD_LETTERED -> deadLettered++;
            }
        }
    }

    CustomerTally tally() {
        return new CustomerTally(placed, delivered, rejected, failed, lost, deadLettered);
    }

    @Override
    public Object snapshot() {
        return tally();
    }
}
