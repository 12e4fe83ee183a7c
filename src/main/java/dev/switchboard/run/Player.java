package dev.switchboard.run;

import dev.switchboard.flow.Flow;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Plays a run into its readers and takes it back in time. The readers are folds of the trace: any
 * moment up to the branch's newest is shown by folding a prefix of the branch's {@link TraceLog}
 * into them (after a reset when going back), without the engine. The engine catches up only when
 * something new must happen (playing past the newest moment, a command, stepping an order): it
 * replays the branch's recording silently to the moment shown, checking that it emits exactly the
 * events shown. A command given before the newest moment forks a new {@link Branch}; the old one is
 * kept and can be returned to. One thread drives it.
 */
public final class Player {
    /** Tells the readers to forget what they folded, before they are fed from the start again. */
    @FunctionalInterface
    public interface Reset {
        /**
         * @param flow      the flow of the run they will be fed
         * @param rewinding true when it is the same run folded again to show another moment of it
         *                  (going back in time, returning to a branch): what a user chose to look at stays
         */
        void reset(Flow flow, boolean rewinding);
    }

    private final Reset resetReaders;
    private final TraceListener readers;
    private final TraceLog log = new TraceLog();
    private final List<Branch> branches = new ArrayList<>();

    private Recording branchRecording;
    private Branch current;
    private Run run;
    /** Whether {@link #run} is somewhere else than the moment shown (it catches up in {@link #engine()}). */
    private boolean stale;
    /** Trace events shown: a prefix of the log. */
    private int shown;
    private double shownClockMs;
    /** Whether the moment shown was reached by time (the engine then also runs its silent events up to the clock). */
    private boolean shownByTime;
    private Moment newest = Moment.START;
    private boolean muted;
    private long mutedCount;
    private boolean truncateOnNextEvent;
    private boolean lastApplyForked;
    private int revision;

    /**
     * @param resetReaders called before a run's readers are fed from the start again
     * @param readers      gets every event shown, in order, whether it comes from the engine or the log
     */
    public Player(Reset resetReaders, TraceListener readers) {
        this.resetReaders = Objects.requireNonNull(resetReaders, "resetReaders");
        this.readers = Objects.requireNonNull(readers, "readers");
    }

    /**
     * Starts {@code recording} afresh as the only branch, played to {@code playTo} or to its last
     * command if that comes later.
     *
     * @throws ReplayException when the recording does not fit its flow; nothing changes then
     */
    public void load(Recording recording, Moment playTo) {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(playTo, "playTo");
        Run.check(recording);
        branches.clear();
        current = new Branch(1, recording, Moment.START, 0, Moment.START, "");
        branches.add(current);
        replayLive(recording, Moment.START, playTo, false);
    }

    /** Feeds the readers a fresh live replay of {@code recording} to {@code playTo}; the log starts again. */
    private void replayLive(Recording recording, Moment newestSoFar, Moment playTo, boolean rewinding) {
        branchRecording = recording;
        revision++;
        log.clear();
        shown = 0;
        newest = newestSoFar;
        stale = false;
        resetReaders.reset(recording.flow(), rewinding);
        run = new Run(recording);
        run.addListener(this::fromEngine);
        run.start();
        run.runToLastCommand();
        run.runTo(playTo.events(), playTo.timeMs());
        afterEngine();
    }

    private void fromEngine(TraceEvent event) {
        if (muted) {
            mutedCount++;
            return;
        }
        if (truncateOnNextEvent) {
            log.truncate(shown);
            truncateOnNextEvent = false;
        }
        if (shown == log.size()) {
            log.append(event, run.executedEvents());
        }
        // else: replaying what the log already holds; a deterministic run emits the same event
        shown++;
        readers.onEvent(event);
    }

    private void afterEngine() {
        shownClockMs = run.nowMs();
        shownByTime = true;
        newest = newest.max(run.moment());
    }

    /** The engine at the moment shown, caught up silently if it was elsewhere. */
    private Run engine() {
        if (!stale) {
            return run;
        }
        Run fresh = new Run(branchRecording);
        fresh.addListener(this::fromEngine);
        run = fresh;
        muted = true;
        mutedCount = 0;
        try {
            fresh.start();
            while (mutedCount < shown && fresh.step()) {
                // each step is one engine event or one command: exactly one step of the log
            }
            if (shownByTime && shownClockMs > fresh.nowMs()) {
                long before = mutedCount;
                fresh.runUntil(shownClockMs);
                if (mutedCount != before) {
                    mutedCount = -1;
                }
            }
        } finally {
            muted = false;
        }
        if (mutedCount != shown) {
            throw new IllegalStateException("replaying the branch emitted " + mutedCount + " events where "
                    + shown + " were shown: the run is not deterministic");
        }
        stale = false;
        return fresh;
    }

    /** Shows the log's events up to {@code end} to the readers (forward in the known history). */
    private void showFromLog(int end) {
        for (int i = shown; i < end; i++) {
            readers.onEvent(log.event(i));
        }
        if (end > shown) {
            shown = end;
            stale = true;
        }
    }

    /**
     * Shows the next step: the events of the next engine event (or command) that emits any, from the
     * log when the branch has been there before. False when nothing is left to happen.
     */
    public boolean step() {
        if (shown < log.size()) {
            int end = log.stepEnd(shown);
            showFromLog(end);
            shownClockMs = Math.max(shownClockMs, log.event(end - 1).timeMs());
            shownByTime = false;
            return true;
        }
        Run engine = engine();
        int before = shown;
        boolean ran = false;
        // engine events that emit nothing (a timer whose call already ended) run within the same step
        while (shown == before && engine.hasPendingEvents() && engine.step()) {
            ran = true;
        }
        if (ran) {
            afterEngine();
            shownByTime = false;
        }
        return ran;
    }

    /** Moves forward to {@code timeMs}: from the log as far as the branch has been, then with the engine. */
    public void runUntil(double timeMs) {
        if (timeMs < shownClockMs) {
            throw new IllegalArgumentException("the clock moves forward, not back to " + timeMs + " ms");
        }
        if (shown < log.size() || stale) {
            int end = log.countUpToTime(timeMs);
            showFromLog(end);
            if (timeMs <= newest.timeMs()) {
                shownClockMs = timeMs;
                shownByTime = true;
                stale = true;
                return;
            }
        }
        Run engine = engine();
        engine.runUntil(timeMs);
        afterEngine();
    }

    /** Shows the moment at {@code timeMs} (0 to the newest moment): forward from the log, backward by folding a prefix again. */
    public void seekTo(double timeMs) {
        double target = Math.max(0, Math.min(newest.timeMs(), timeMs));
        if (target >= shownClockMs) {
            runUntil(target);
            return;
        }
        refold(log.countUpToTime(target));
        shownClockMs = target;
        shownByTime = true;
    }

    /** Goes back one step: the moment before the last step shown. False at the start of the run. */
    public boolean stepBack() {
        int start = log.stepStart(shown);
        if (shown == 0 || start == 0) {
            return false;
        }
        refold(start);
        shownClockMs = log.event(start - 1).timeMs();
        shownByTime = false;
        return true;
    }

    /** Shows the start of the run: what the flow's settings announce at t = 0. */
    public void jumpToStart() {
        refold(log.stepEnd(0));
        shownClockMs = 0;
        shownByTime = true;
    }

    /** Shows the newest moment the branch has reached. */
    public void jumpToNewest() {
        runUntil(Math.max(shownClockMs, newest.timeMs()));
    }

    private void refold(int prefix) {
        resetReaders.reset(branchRecording.flow(), true);
        shown = 0;
        showFromLog(prefix);
        stale = true;
    }

    /**
     * Applies a command at the moment shown. Before the newest moment this forks: a new branch starts
     * here with the command, the old one is kept as it was. A command the engine refuses throws and
     * changes nothing.
     */
    public StampedCommand apply(Command command) {
        Objects.requireNonNull(command, "command");
        Run engine = engine();
        boolean forking = isInPast();
        Recording before = engine.recording();
        Moment at = engine.moment();
        truncateOnNextEvent = forking;
        StampedCommand stamped;
        try {
            stamped = engine.apply(command);
        } finally {
            truncateOnNextEvent = false;
        }
        if (forking) {
            log.truncate(shown); // in case the command emitted nothing
            replaceCurrent(current.reached(before, newest));
            Branch fresh = new Branch(branches.size() + 1, engine.recording(), engine.moment(), current.number(), at,
                    command.describe());
            branches.add(fresh);
            current = fresh;
            newest = engine.moment();
        }
        lastApplyForked = forking;
        branchRecording = engine.recording();
        revision++;
        afterEngine();
        return stamped;
    }

    /** Whether the last {@link #apply} started a new branch. */
    public boolean lastApplyForked() {
        return lastApplyForked;
    }

    /** A new branch from t = 0 with the flow's own settings; the run so far is kept as a branch. */
    public void reset() {
        keepCurrent();
        Branch fresh = new Branch(branches.size() + 1, Recording.of(branchRecording.flow()), Moment.START,
                current.number(), Moment.START, "reset to the flow's own settings");
        branches.add(fresh);
        current = fresh;
        replayLive(fresh.recording(), Moment.START, Moment.START, true);
    }

    /** Returns to branch {@code number} at the newest moment it reached (replaying it into the readers). */
    public void selectBranch(int number) {
        if (number == current.number()) {
            return;
        }
        Branch chosen = branches.stream().filter(b -> b.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no branch " + number));
        keepCurrent();
        current = chosen;
        replayLive(chosen.recording(), chosen.newest(), chosen.newest(), true);
    }

    private void keepCurrent() {
        replaceCurrent(current.reached(branchRecording(), newest));
    }

    private void replaceCurrent(Branch updated) {
        branches.set(branches.indexOf(current), updated);
        current = updated;
    }

    /** Whether the moment shown is before the branch's newest (a command now forks). */
    public boolean isInPast() {
        return shown < log.size() || shownClockMs < newest.timeMs();
    }

    /** Whether nothing is left to happen after the moment shown. */
    public boolean isIdle() {
        if (shown < log.size()) {
            return false;
        }
        return !engine().hasPendingEvents();
    }

    /** The clock shown. */
    public double nowMs() {
        return shownClockMs;
    }

    /** The moment shown: engine events run up to it and its clock. */
    public Moment moment() {
        if (!stale) {
            return run.moment();
        }
        return new Moment(shown == 0 ? 0 : log.eventsRun(shown - 1), shownClockMs);
    }

    /** The newest moment the current branch has reached. */
    public Moment newest() {
        return newest;
    }

    /** Trace events shown so far. */
    public int shownEvents() {
        return shown;
    }

    /** The current branch's recording: its flow and every command applied or still to be replayed. */
    public Recording branchRecording() {
        return branchRecording;
    }

    /**
     * A count that changes whenever the branch list or the current branch's recording changes (a run
     * loaded, a command given, a reset, another branch chosen), and not as the run merely plays on.
     */
    public int revision() {
        return revision;
    }

    public Branch currentBranch() {
        return current;
    }

    /** The branches, in the order they were made; the current one as it was when last left. */
    public List<Branch> branches() {
        List<Branch> all = new ArrayList<>(branches);
        all.set(all.indexOf(current), current.reached(branchRecording(), newest));
        return Collections.unmodifiableList(all);
    }

    public Flow flow() {
        return branchRecording.flow();
    }

    /** The branch's trace as far as it has been played (for readers opened late). */
    public TraceLog log() {
        return log;
    }
}
