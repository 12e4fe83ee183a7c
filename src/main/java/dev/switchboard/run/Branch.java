package dev.switchboard.run;

import java.util.Objects;

/**
 * One line of a run's history: its recording up to the newest moment it reached, and where it
 * came from: the branch it forked from ({@code parent}, 0 for the first), the moment it left it and
 * what differs, in words ("Kitchen slowdown set to ×5").
 */
public record Branch(int number, Recording recording, Moment newest, int parent, Moment forkedAt, String difference) {
    public Branch {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(newest, "newest");
        Objects.requireNonNull(forkedAt, "forkedAt");
        difference = difference == null ? "" : difference;
    }

    /** This branch having reached {@code moment} with this recording. */
    public Branch reached(Recording now, Moment moment) {
        return new Branch(number, now, newest.max(moment), parent, forkedAt, difference);
    }
}
