package dev.switchboard.cli;

import dev.switchboard.sim.Simulator;

import java.util.SplittableRandom;

/**
 * The classic "hold model" benchmark of a discrete-event engine: a fixed number of pending events,
 * each of which reschedules itself an exponential time later, so every step is one removal from
 * and one insertion into the event list of constant size.
 */
final class HoldModelBenchmark {
    static final int DEFAULT_PENDING = 1000;
    private static final double MEAN_HOLD_MS = 100;

    /** The measured rate of one run. */
    record Result(int pending, long events, double seconds) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final Simulator simulator = new Simulator();
    private final SplittableRandom random = new SplittableRandom(20_240_601);
    private final int pending;

    HoldModelBenchmark(int pending) {
        if (pending < 1) {
            throw new IllegalArgumentException("the hold model needs at least 1 pending event, not " + pending);
        }
        this.pending = pending;
        for (int i = 0; i < pending; i++) {
            new Hold().run();
        }
    }

    /** Runs {@code events} events and times them; call it once first to warm the JIT up. */
    Result measure(long events) {
        long start = System.nanoTime();
        long ran = simulator.runEvents(events);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (ran != events) {
            throw new IllegalStateException("the hold model ran dry after " + ran + " events");
        }
        return new Result(pending, ran, seconds);
    }

    /** One pending event: each time it runs it puts itself back an exponential hold later. */
    private final class Hold implements Runnable {
        @Override
        public void run() {
            simulator.schedule(-MEAN_HOLD_MS * Math.log(1.0 - random.nextDouble()), this);
        }
    }
}
