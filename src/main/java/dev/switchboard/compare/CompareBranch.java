package dev.switchboard.compare;

import dev.switchboard.run.Recording;

import java.util.Objects;

/**
 * One line of a comparison's history: both sides' recordings up to the newest virtual time they
 * reached, and where the line came from: the branch it forked from ({@code parent}, 0 for the
 * first), the virtual time it left it and what differs, in words ("Kitchen slowdown set to ×5 on
 * both sides"). A command given while both sides show the past forks both: the old line is kept
 * as a branch and can be returned to.
 */
public record CompareBranch(int number, Recording left, String leftLabel, Recording right, String rightLabel,
                            double newestMs, int parent, double forkedAtMs, String difference) {
    public CompareBranch {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(leftLabel, "leftLabel");
        Objects.requireNonNull(rightLabel, "rightLabel");
        if (!(newestMs >= 0) || !(forkedAtMs >= 0)) {
            throw new IllegalArgumentException("virtual times are 0 or more, not " + newestMs + " and " + forkedAtMs);
        }
        difference = difference == null ? "" : difference;
    }

    /** This branch as {@code now} has it: its recordings (with any commands still ahead) and the newest time reached. */
    public CompareBranch reached(Comparison now, double newestMs) {
        return new CompareBranch(number, now.recording(Side.LEFT), leftLabel, now.recording(Side.RIGHT), rightLabel,
                Math.max(this.newestMs, newestMs), parent, forkedAtMs, difference);
    }

    /** The branch again from t = 0, not started: run it to any time up to {@link #newestMs()} to show it. */
    public Comparison replay() {
        return Comparison.replaying(left, leftLabel, right, rightLabel);
    }
}
