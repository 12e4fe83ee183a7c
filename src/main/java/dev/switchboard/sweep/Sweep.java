package dev.switchboard.sweep;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowOverride;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A planned sweep: every combination of its axes' values (the first axis varies slowest), each
 * loaded and checked as a flow before anything runs, then run with {@code seeds} seeds (the flow's
 * seed, then the next ones). {@link #run} spreads the runs over threads; each run is one ordinary
 * single-threaded simulation and its figures land in its own slot, so the results are the same
 * whatever the number of threads.
 */
public final class Sweep {
    /** Looking at the cancel flag after every event would cost more than it is worth. */
    private static final int EVENTS_BETWEEN_CANCEL_CHECKS = 1 << 14;

    private final List<SweepAxis> axes;
    private final List<SweepPoint> points;
    private final int seeds;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Tells how many runs of how many are done; called from the running threads. */
    @FunctionalInterface
    public interface ProgressListener {
        void update(int doneRuns, int totalRuns);
    }

    /**
     * Plans the sweep. {@code orders} replaces each flow's order count when not null. A value that
     * makes an invalid flow is refused here with the flow's own message.
     */
    public Sweep(FlowVariants variants, List<SweepAxis> axes, int seeds, Integer orders) throws FlowException {
        if (seeds < 1) {
            throw new IllegalArgumentException("a sweep needs at least 1 seed, not " + seeds);
        }
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one setting to vary");
        }
        this.axes = List.copyOf(axes);
        this.seeds = seeds;
        List<SweepPoint> planned = new ArrayList<>();
        int[] at = new int[axes.size()];
        int count = 1;
        for (SweepAxis axis : axes) {
            count = Math.multiplyExact(count, axis.values().size());
        }
        for (int p = 0; p < count; p++) {
            List<String> values = new ArrayList<>();
            List<FlowOverride> overrides = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                values.add(axes.get(a).values().get(at[a]));
                overrides.add(axes.get(a).override(at[a]));
            }
            Flow flow = variants.load(overrides);
            if (orders != null) {
                flow = flow.withOrderCount(orders);
            }
            planned.add(new SweepPoint(p, values, overrides, flow));
            for (int a = axes.size() - 1; a >= 0; a--) {
                if (++at[a] < axes.get(a).values().size()) {
                    break;
                }
                at[a] = 0;
            }
        }
        this.points = List.copyOf(planned);
    }

    public List<SweepAxis> axes() {
        return axes;
    }

    public List<SweepPoint> points() {
        return points;
    }

    public int seeds() {
        return seeds;
    }

    public int totalRuns() {
        return points.size() * seeds;
    }

    /** Asks a running sweep to stop; {@link #run} then throws {@link CancellationException}. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Runs every point with every seed on {@code threads} threads and summarises each point. */
    public List<PointResult> run(int threads, ProgressListener progress) throws InterruptedException {
        int total = totalRuns();
        Figure[] figures = Figure.values();
        double[][][] values = new double[points.size()][figures.length][seeds];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepPoint point : points) {
                for (int s = 0; s < seeds; s++) {
                    int seedIndex = s;
                    futures.add(pool.submit(() -> {
                        Report report = runOnce(point.flow().withSeed(point.flow().seed() + seedIndex));
                        for (int f = 0; f < figures.length; f++) {
                            values[point.index()][f][seedIndex] = figures[f].of(report);
                        }
                        progress.update(done.incrementAndGet(), total);
                    }));
                }
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancellationException c) {
                        throw c;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<PointResult> results = new ArrayList<>();
        for (SweepPoint point : points) {
            Map<Figure, Estimate> estimates = new EnumMap<>(Figure.class);
            for (int f = 0; f < figures.length; f++) {
                estimates.put(figures[f], Estimate.of(values[point.index()][f]));
            }
            results.add(new PointResult(point, estimates, Theory.of(point.flow())));
        }
        return results;
    }

    private Report runOnce(Flow flow) {
        Simulation simulation = new Simulation(flow);
        Metrics metrics = new Metrics();
        simulation.addListener(metrics);
        simulation.start();
        int untilCheck = EVENTS_BETWEEN_CANCEL_CHECKS;
        while (simulation.hasPendingEvents() && simulation.step()) {
            if (--untilCheck == 0) {
                untilCheck = EVENTS_BETWEEN_CANCEL_CHECKS;
                if (cancelled.get()) {
                    throw new CancellationException("the sweep was cancelled");
                }
            }
        }
        return metrics.report();
    }
}
