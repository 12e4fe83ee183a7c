package dev.switchboard.run;

/**
 * A place in a run: {@code events} engine events have run and the clock reads {@code timeMs}. Two
 * moments of one run compare by events first, then by time (the clock can move on between events).
 */
public record Moment(long events, double timeMs) implements Comparable<Moment> {
    public static final Moment START = new Moment(0, 0);

    public Moment {
        if (events < 0 || !(timeMs >= 0)) {
            throw new IllegalArgumentException("a moment has events ≥ 0 and a time ≥ 0, not " + events + ", " + timeMs);
        }
    }

    @Override
    public int compareTo(Moment other) {
        int byEvents = Long.compare(events, other.events);
        return byEvents != 0 ? byEvents : Double.compare(timeMs, other.timeMs);
    }

    /** The later of the two. */
    public Moment max(Moment other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
