package dev.switchboard.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The branches of one comparison, in the order they were made, and which one is shown. A fork
 * keeps the line it left as it was (with the commands it had ahead) and starts a new one; choosing
 * a branch makes it current again. The caller replays the chosen branch's comparison; this class
 * only keeps the history. Only one thread uses it.
 */
public final class CompareBranches {
    private final List<CompareBranch> branches = new ArrayList<>();
    private CompareBranch current;

    /** Forgets every branch: {@code started} is the only one (another preset, another experiment). */
    public void begin(Comparison started) {
        Objects.requireNonNull(started, "started");
        branches.clear();
        current = new CompareBranch(1, started.recording(Side.LEFT), started.label(Side.LEFT),
                started.recording(Side.RIGHT), started.label(Side.RIGHT), 0, 0, 0, "");
        branches.add(current);
    }

    /**
     * Keeps the current branch as {@code kept} (its {@link #snapshot} taken before the command) and
     * makes {@code after}, which has just been given a command at {@code atMs}, a new current branch.
     */
    public CompareBranch fork(CompareBranch kept, Comparison after, double atMs, String difference) {
        requireStarted();
        if (kept.number() != current.number()) {
            throw new IllegalArgumentException("branch " + kept.number() + " is not the current one (" + current.number() + ")");
        }
        replaceCurrent(kept);
        CompareBranch fresh = new CompareBranch(branches.size() + 1, after.recording(Side.LEFT), after.label(Side.LEFT),
                after.recording(Side.RIGHT), after.label(Side.RIGHT), atMs, current.number(), atMs, difference);
        branches.add(fresh);
        current = fresh;
        return fresh;
    }

    /** The current branch as {@code now} has it, with the newest time reached: what a fork keeps. */
    public CompareBranch snapshot(Comparison now, double newestMs) {
        requireStarted();
        return current.reached(now, newestMs);
    }

    /**
     * Makes branch {@code number} current, keeping the one left as {@code now} has it.
     *
     * @throws IllegalArgumentException when there is no such branch
     */
    public CompareBranch select(int number, Comparison now, double newestMs) {
        requireStarted();
        CompareBranch chosen = branches.stream().filter(b -> b.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no branch " + number));
        replaceCurrent(current.reached(now, newestMs));
        current = chosen;
        return chosen;
    }

    public CompareBranch current() {
        requireStarted();
        return current;
    }

    /** The branches in the order they were made; the current one as it was when last kept. */
    public List<CompareBranch> all() {
        return Collections.unmodifiableList(new ArrayList<>(branches));
    }

    private void replaceCurrent(CompareBranch updated) {
        branches.set(branches.indexOf(current), updated);
        current = updated;
    }

    private void requireStarted() {
        if (current == null) {
            throw new IllegalStateException("begin the branches with a comparison first");
        }
    }
}
