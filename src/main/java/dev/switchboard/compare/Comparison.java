package dev.switchboard.compare;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowOverride;
import dev.switchboard.run.Recording;
import dev.switchboard.run.Run;
import dev.switchboard.run.StampedCommand;
import dev.switchboard.sweep.FlowVariants;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.TraceListener;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two runs of the same flow and seed, each with its own settings, on one virtual clock: both are
 * advanced to the same virtual time, and a command given to both lands on the same virtual time on
 * both sides. Both get the same customers (the flow's orders come from their own seeded stream, and
 * commanded orders at the same times get the same ids), so what differs between the sides is what
 * the settings do. Each side is a {@link Run} (so it can be recorded and replayed) with a
 * {@link Metrics} listening, from which the figures and the verdict are read. Only one thread drives it.
 */
public final class Comparison {
    private final Map<Side, Flow> flows = new EnumMap<>(Side.class);
    private final Map<Side, String> labels = new EnumMap<>(Side.class);
    private final Map<Side, Run> runs = new EnumMap<>(Side.class);
    private final Map<Side, Metrics> metrics = new EnumMap<>(Side.class);
    private double clockMs;
    private boolean started;

    /**
     * A comparison of two flows that differ in their settings only.
     *
     * @throws IllegalArgumentException when the flows would not get the same customers (another seed,
     *                                  order count or time between orders)
     */
    public Comparison(Flow left, String leftLabel, Flow right, String rightLabel) {
        this(Recording.of(Objects.requireNonNull(left, "left")), leftLabel,
                Recording.of(Objects.requireNonNull(right, "right")), rightLabel);
    }

    /**
     * A comparison that replays each side's recording: its commands are applied again as the clock
     * reaches their places (going back in time: {@link #replayed()}).
     */
    private Comparison(Recording leftRun, String leftLabel, Recording rightRun, String rightLabel) {
        Flow left = leftRun.flow();
        Flow right = rightRun.flow();
        Objects.requireNonNull(right, "right");
        if (left.seed() != right.seed()) {
            throw new IllegalArgumentException("both sides need the same seed to get the same customers, but the left"
                    + " has " + left.seed() + " and the right " + right.seed());
        }
        if (!left.orders().equals(right.orders())) {
            throw new IllegalArgumentException("both sides need the same orders (count and time between orders) to get"
                    + " the same customers, but the left has " + left.orders() + " and the right " + right.orders());
        }
        flows.put(Side.LEFT, left);
        flows.put(Side.RIGHT, right);
        labels.put(Side.LEFT, Objects.requireNonNull(leftLabel, "leftLabel"));
        labels.put(Side.RIGHT, Objects.requireNonNull(rightLabel, "rightLabel"));
        for (Side side : Side.values()) {
            Run run = new Run(side == Side.LEFT ? leftRun : rightRun);
            Metrics m = new Metrics();
            run.addListener(m);
            runs.put(side, run);
            metrics.put(side, m);
        }
    }

    /**
     * Loads both sides from one source: the preset's overrides of each side, then the extra ones
     * (a command line's {@code --left} and {@code --right}), then the order count if not null.
     *
     * @throws FlowException            when a side's flow is not valid (the flow's own message)
     * @throws IllegalArgumentException when the overrides change the customers (see the constructor)
     */
    public static Comparison load(FlowVariants source, Preset preset, List<FlowOverride> extraLeft,
                                  List<FlowOverride> extraRight, Integer orders) throws FlowException {
        Flow left = source.load(concat(preset.left(), extraLeft));
        Flow right = source.load(concat(preset.right(), extraRight));
        if (orders != null) {
            left = left.withOrderCount(orders);
            right = right.withOrderCount(orders);
        }
        return new Comparison(left, label(preset.leftLabel(), extraLeft, extraRight), right,
                label(preset.rightLabel(), extraRight, extraLeft));
    }

    private static List<FlowOverride> concat(List<FlowOverride> a, List<FlowOverride> b) {
        List<FlowOverride> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The preset's label and this side's own extra overrides (those both sides share do not differ). */
    private static String label(String presetLabel, List<FlowOverride> extra, List<FlowOverride> otherSide) {
        List<String> parts = new ArrayList<>();
        parts.add(presetLabel);
        extra.stream().filter(o -> !otherSide.contains(o)).forEach(o -> parts.add(o.toString()));
        return String.join(", ", parts);
    }

    /**
     * The same comparison again from t = 0, not started, that replays the commands both sides were
     * given (and those still to be replayed): run it to any earlier time to see both sides as they
     * were then. A command given there makes both sides a new branch (see {@link #apply(Side, Command)}).
     */
    public Comparison replayed() {
        return replaying(recording(Side.LEFT), labels.get(Side.LEFT), recording(Side.RIGHT), labels.get(Side.RIGHT));
    }

    /**
     * Replays two recordings side by side (a branch returned to): not started; each side's commands
     * are applied again as the clock reaches their places.
     *
     * @throws IllegalArgumentException when the two would not get the same customers
     */
    public static Comparison replaying(Recording left, String leftLabel, Recording right, String rightLabel) {
        return new Comparison(Objects.requireNonNull(left, "left"), leftLabel, Objects.requireNonNull(right, "right"),
                rightLabel);
    }

    /** The side's recording: its flow, the commands applied and those recorded ones it has not reached yet. */
    public Recording recording(Side side) {
        return runs.get(side).recording();
    }

    public Flow flow(Side side) {
        return flows.get(side);
    }

    /** What differs on this side, in a few words. */
    public String label(Side side) {
        return labels.get(side);
    }

    /** The side's run, to record it or read its moment; advance it only through this class. */
    public Run run(Side side) {
        return runs.get(side);
    }

    /** The side's metrics (listening since before the start). */
    public Metrics metrics(Side side) {
        return metrics.get(side);
    }

    /** Adds a reader of one side's trace; add them all before {@link #start()}. */
    public void addListener(Side side, TraceListener listener) {
        if (started) {
            throw new IllegalStateException("add listeners before the comparison starts");
        }
        runs.get(side).addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Starts both runs. */
    public void start() {
        if (started) {
            throw new IllegalStateException("the comparison has already started");
        }
        started = true;
        for (Run run : runs.values()) {
            run.start();
        }
    }

    /** The virtual time both sides have been advanced to. */
    public double nowMs() {
        return clockMs;
    }

    /** Runs both sides through every event at or before {@code timeMs}, and sets both clocks there. */
    public void runUntil(double timeMs) {
        requireStarted();
        for (Run run : runs.values()) {
            run.runUntil(timeMs);
        }
        clockMs = Math.max(clockMs, timeMs);
    }

    /** Applies a command to both sides at the same virtual time, the clock's; returns where each landed. */
    public Map<Side, StampedCommand> apply(Command command) {
        Objects.requireNonNull(command, "command");
        Map<Side, StampedCommand> stamps = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            stamps.put(side, apply(side, command));
        }
        return stamps;
    }

    /**
     * Applies a command to one side only, at the clock's virtual time. A command the engine refuses
     * throws (for both sides, the left may have taken it before the right refused).
     */
    public StampedCommand apply(Side side, Command command) {
        requireStarted();
        Run run = runs.get(side);
        if (run.nowMs() < clockMs) {
            // a side that finished early (runToEnd) catches up with the clock before the command
            run.runUntil(clockMs);
        }
        boolean ahead = runs.values().stream().anyMatch(Run::hasPendingCommands);
        try {
            StampedCommand stamped = run.apply(command);
            // a command where either side still had recorded commands ahead forks both: the future they replayed is gone
            if (ahead) {
                runs.values().forEach(Run::dropRecorded);
            }
            return stamped;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + side.key() + " side refused the command: " + e.getMessage(), e);
        }
    }

    /** Whether either side has work left. */
    public boolean hasPendingEvents() {
        return runs.values().stream().anyMatch(Run::hasPendingEvents);
    }

    /**
     * Runs both sides until neither has work left, in step on the virtual clock (the earlier next
     * event first). Each side stops where a run of its own would stop, so its report is the one the
     * {@code run} command prints for its flow; the clock ends at the later of the two.
     */
    public void runToEnd() {
        while (runSteps(Long.MAX_VALUE)) {
            // runSteps stops only when both sides are done
        }
    }

    /**
     * Runs at most {@code maxEvents} events of {@link #runToEnd()} (both sides together), so a caller
     * can show progress between slices; false when neither side has work left.
     */
    public boolean runSteps(long maxEvents) {
        requireStarted();
        Run left = runs.get(Side.LEFT);
        Run right = runs.get(Side.RIGHT);
        boolean more = true;
        for (long done = 0; done < maxEvents; done++) {
            boolean l = left.hasPendingEvents();
            boolean r = right.hasPendingEvents();
            if (!l && !r) {
                more = false;
                break;
            }
            Run next = !r ? left : !l ? right : left.nextEventTimeMs() <= right.nextEventTimeMs() ? left : right;
            next.step();
        }
        clockMs = Math.max(clockMs, Math.max(left.nowMs(), right.nowMs()));
        return more && hasPendingEvents();
    }

    /** The side's report as of its last event: what {@code run} prints for its flow. */
    public Report report(Side side) {
        return metrics.get(side).report();
    }

    public SideFigures figures(Side side) {
        return SideFigures.of(metrics.get(side));
    }

    /** Both sides' figures now, with their differences. */
    public FigureTable figures() {
        return FigureTable.of(figures(Side.LEFT), figures(Side.RIGHT));
    }

    /** The comparison now, in one line of plain words. */
    public String verdict() {
        return Verdict.of(figures(), label(Side.LEFT), label(Side.RIGHT));
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("start the comparison first");
        }
    }
}
