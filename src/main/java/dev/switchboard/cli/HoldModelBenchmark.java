package dev.switchboard.cli;

import dev.switchboard.sim.Simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * The classic "hold model" benchmark of a discrete-event engine: a fixed number of pending events,
 * each of which reschedules itself an exponential time later, so every step is one removal from
 * and one insertion into the event list of constant size.
 */
final class HoldModelBenchmark {
    static final int DEFAULT_PENDING = 1000;
    private static final double MEAN_HOLD_MS = 100;

    /**
     * The measured rate of one run, by the wall clock and by the thread's CPU time; on a machine
     * shared with other work the CPU-time rate is the steadier measure of the engine itself.
     */
    record Result(int pending, long events, double seconds, double cpuSeconds) {
        double eventsPerSecond() {
            return events / seconds;
        }

        double eventsPerCpuSecond() {
            return cpuSeconds > 0 ? events / cpuSeconds : Double.NaN;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
        boolean cpuTimed = THREADS.isCurrentThreadCpuTimeSupported();
        long cpuStart = cpuTimed ? THREADS.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        long ran = simulator.runEvents(events);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = cpuTimed ? (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9 : 0;
        if (ran != events) {
            throw new IllegalStateException("the hold model ran dry after " + ran + " events");
        }
        return new Result(pending, ran, seconds, cpuSeconds);
    }

    /** One pending event: each time it runs it puts itself back an exponential hold later. */
    private final class Hold implements Runnable {
        @Override
        public void run() {
            simulator.schedule(-MEAN_HOLD_MS * Math.log(1.0 - random.nextDouble()), this);
        }
    }
}
